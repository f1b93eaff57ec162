use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, written `YYYY-MM-DD` in JSON.
///
/// ```
/// use tongbao_model::CalendarDate;
///
/// let date: CalendarDate = "2019-09-30".parse().unwrap();
/// assert_eq!(date, CalendarDate::new(2019, 9, 30).unwrap());
/// assert_eq!(date.to_string(), "2019-09-30");
/// assert!("2019-02-30".parse::<CalendarDate>().is_err());
/// assert_eq!(serde_json::to_string(&date).unwrap(), r#""2019-09-30""#);
/// let early = CalendarDate::new(987, 1, 2).unwrap();
/// assert_eq!(early.to_string(), "0987-01-02");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

/// A string that is not a valid `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a YYYY-MM-DD date: {:?}", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl CalendarDate {
    /// The date, or `None` when no such day exists (years 1..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<CalendarDate> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(CalendarDate { year, month, day })
    }

    /// The last day of `month` in `year`.
    pub fn last_of_month(year: i32, month: u8) -> Option<CalendarDate> {
        CalendarDate::new(year, month, days_in_month(year, month))
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

/// Days in `month` (1–12) of `year`, Gregorian; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl CalendarDate {
    /// `YYYY-MM-DD`, built without the formatting machinery: every exported
    /// date goes through here.
    fn iso_text(self) -> IsoText {
        let digit = |value: u32| b'0' + (value % 10) as u8;
        let year = self.year.unsigned_abs();
        let (month, day) = (u32::from(self.month), u32::from(self.day));
        IsoText([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

/// The ten ASCII bytes of a `YYYY-MM-DD` date.
struct IsoText([u8; 10]);

impl IsoText {
    fn as_str(&self) -> &str {
        // Digits and dashes only: always valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iso_text().as_str())
    }
}

impl FromStr for CalendarDate {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<CalendarDate, DateParseError> {
        let err = || DateParseError(s.to_owned());
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().ok_or_else(err);
        let (y, m, d) = (next()?, next()?, next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        CalendarDate::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.iso_text().as_str())
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CalendarDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for CalendarDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CalendarDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar day, ISO 8601 YYYY-MM-DD."
        })
    }
}
