//! Calendar facts the time expressions need: month ends, festivals.

use tongbao_model::CalendarDate;

/// First and last day of a stretch of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayRange {
    pub first: CalendarDate,
    pub last: CalendarDate,
}

impl DayRange {
    pub fn day(day: CalendarDate) -> DayRange {
        DayRange {
            first: day,
            last: day,
        }
    }

    /// Days `first_day..=last_day` of a month; `last_day` is clamped to the
    /// month's length (`下旬` ends on the 28th–31st).
    pub fn days_of_month(year: i32, month: u8, first_day: u8, last_day: u8) -> Option<DayRange> {
        let last_day = last_day.min(tongbao_model::days_in_month(year, month));
        Some(DayRange {
            first: CalendarDate::new(year, month, first_day)?,
            last: CalendarDate::new(year, month, last_day)?,
        })
    }

    /// Months `first..=last` of `year`.
    pub fn months(year: i32, first: u8, last: u8) -> Option<DayRange> {
        Some(DayRange {
            first: CalendarDate::new(year, first, 1)?,
            last: CalendarDate::last_of_month(year, last)?,
        })
    }

    /// Quarter 1–4 of `year`.
    pub fn quarter(year: i32, quarter: u8) -> Option<DayRange> {
        let last = quarter.checked_mul(3)?;
        DayRange::months(year, last.checked_sub(2)?, last)
    }
}

/// 春节 (Lunar New Year's Day), 2000–2050, as (year, month, day).
const SPRING_FESTIVALS: [(i32, u8, u8); 51] = [
    (2000, 2, 5),
    (2001, 1, 24),
    (2002, 2, 12),
    (2003, 2, 1),
    (2004, 1, 22),
    (2005, 2, 9),
    (2006, 1, 29),
    (2007, 2, 18),
    (2008, 2, 7),
    (2009, 1, 26),
    (2010, 2, 14),
    (2011, 2, 3),
    (2012, 1, 23),
    (2013, 2, 10),
    (2014, 1, 31),
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
    (2036, 1, 28),
    (2037, 2, 15),
    (2038, 2, 4),
    (2039, 1, 24),
    (2040, 2, 12),
    (2041, 2, 1),
    (2042, 1, 22),
    (2043, 2, 10),
    (2044, 1, 30),
    (2045, 2, 17),
    (2046, 2, 6),
    (2047, 1, 26),
    (2048, 2, 14),
    (2049, 2, 2),
    (2050, 1, 23),
];

/// A festival a deadline can be set against (`春节前`, `国庆前`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Festival {
    /// 春节: lunar, from the table.
    LunarNewYear,
    /// 元旦: 1 January.
    NewYear,
    /// 国庆: 1 October.
    NationalDay,
}

impl Festival {
    /// The festival's day in `year`, when known.
    fn in_year(self, year: i32) -> Option<CalendarDate> {
        match self {
            Festival::LunarNewYear => SPRING_FESTIVALS
                .iter()
                .find(|(y, _, _)| *y == year)
                .and_then(|&(y, m, d)| CalendarDate::new(y, m, d)),
            Festival::NewYear => CalendarDate::new(year, 1, 1),
            Festival::NationalDay => CalendarDate::new(year, 10, 1),
        }
    }

    /// The first occurrence strictly after `day`: a bulletin as of August
    /// 2019 means the 春节 of January 2020.
    pub fn next_after(self, day: CalendarDate) -> Option<CalendarDate> {
        let this_year = self.in_year(day.year()).filter(|date| *date > day);
        this_year.or_else(|| self.in_year(day.year().checked_add(1)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    #[test]
    fn next_spring_festival_follows_the_reference() {
        let festival = Festival::LunarNewYear;
        assert_eq!(
            festival.next_after(date("2019-08-31")),
            Some(date("2020-01-25"))
        );
        assert_eq!(
            festival.next_after(date("2019-01-01")),
            Some(date("2019-02-05"))
        );
        assert_eq!(
            festival.next_after(date("2019-02-05")),
            Some(date("2020-01-25"))
        );
        assert_eq!(festival.next_after(date("2050-03-01")), None);
    }

    #[test]
    fn spring_festival_table_is_ordered_and_in_season() {
        for pair in SPRING_FESTIVALS.windows(2) {
            assert_eq!(pair[1].0, pair[0].0 + 1);
        }
        for &(year, month, day) in &SPRING_FESTIVALS {
            let day = CalendarDate::new(year, month, day).unwrap();
            assert!(day >= CalendarDate::new(year, 1, 21).unwrap(), "{day}");
            assert!(day <= CalendarDate::new(year, 2, 20).unwrap(), "{day}");
        }
    }

    #[test]
    fn fixed_festivals_and_ranges() {
        assert_eq!(
            Festival::NationalDay.next_after(date("2019-10-01")),
            Some(date("2020-10-01"))
        );
        assert_eq!(
            Festival::NewYear.next_after(date("2019-08-31")),
            Some(date("2020-01-01"))
        );
        let quarter = DayRange::quarter(2019, 3).unwrap();
        assert_eq!(
            (quarter.first, quarter.last),
            (date("2019-07-01"), date("2019-09-30"))
        );
        let late_february = DayRange::days_of_month(2019, 2, 21, 31).unwrap();
        assert_eq!(late_february.last, date("2019-02-28"));
        assert_eq!(DayRange::quarter(2019, 5), None);
    }
}
