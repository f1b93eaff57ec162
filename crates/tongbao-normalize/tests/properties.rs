//! `extract` never panics, and every span it reports is honest, on any text.

use proptest::prelude::*;
use tongbao_model::CalendarDate;
use tongbao_normalize::{Context, Extraction, extract, parse_as_of};

/// Characters the grammar cares about, so random strings hit its paths.
const BIASED: &[char] = &[
    '0', '1', '2', '7', '9', '１', '.', '．', ',', '-', '—', ':', '%', '％', '至', '年', '月',
    '日', '号', '底', '末', '前', '初', '旬', '上', '中', '下', '内', '以', '来', '起', '季', '度',
    '半', '全', '今', '春', '节', '截', '止', '万', '亿', '千', '百', '十', '元', '美', '亩', '个',
    '家', '两', '一', '二', '三', '〇', '第', '约', '近', '超', '过', '余', '多', '大', '级', '率',
    '为', '分', '之', '点', 'S', 'G',
];

fn biased_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(BIASED), 0..48)
        .prop_map(|chars| chars.into_iter().collect())
}

fn check_spans(text: &str, found: &Extraction) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for date in &found.dates {
        let [start, end] = date.span;
        prop_assert!(start < end && end <= chars.len(), "{date:?}");
        prop_assert_eq!(
            chars[start..end].iter().collect::<String>(),
            date.text.clone()
        );
        prop_assert!(start >= previous_end, "dates overlap: {:?}", found.dates);
        previous_end = end;
        if let (Some(first), Some(last)) = (date.start, date.end) {
            prop_assert!(first <= last, "{date:?}");
        }
    }
    for figure in &found.figures {
        let [start, end] = figure.span;
        prop_assert!(start < end && end <= chars.len(), "{figure:?}");
        prop_assert_eq!(
            chars[start..end].iter().collect::<String>(),
            figure.text.clone()
        );
        prop_assert!(
            figure.value.is_finite() && figure.value >= 0.0,
            "{figure:?}"
        );
        let overlaps_date = found
            .dates
            .iter()
            .any(|d| d.span[0] < end && start < d.span[1]);
        prop_assert!(!overlaps_date, "{figure:?} overlaps a date");
    }
    Ok(())
}

fn context() -> Context {
    Context {
        year: 2019,
        reference: CalendarDate::new(2019, 8, 31),
    }
}

proptest! {
    #[test]
    fn spans_are_honest_on_any_text(text in any::<String>()) {
        check_spans(&text, &extract(&text, &context()))?;
        let _ = parse_as_of(&text, 2019);
    }

    #[test]
    fn spans_are_honest_on_date_and_figure_soup(text in biased_text(), year in -5i32..10_005) {
        let context = Context { year, reference: None };
        check_spans(&text, &extract(&text, &context))?;
        check_spans(&text, &extract(&text, &self::context()))?;
        let _ = parse_as_of(&text, year);
    }
}
