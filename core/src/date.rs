//! Calendar dates, for the offers deadline. The core never reads a clock: "today" is given.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A day of the proleptic Gregorian calendar, written `YYYY-MM-DD` in JSON.
///
/// ```
/// use assistant_core::date::Date;
///
/// let deadline: Date = "2019-10-15".parse().unwrap();
/// let today: Date = "2019-10-12".parse().unwrap();
/// assert_eq!(today.days_until(deadline), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date of the form `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date is written YYYY-MM-DD and names a real day")
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// The date, if it names a real day (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if valid {
            Ok(Self { year, month, day })
        } else {
            Err(DateError)
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    fn ordinal(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.ordinal() - self.ordinal()
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError);
        }
        let number =
            |range: std::ops::Range<usize>| text[range].parse::<i32>().map_err(|_| DateError);
        let month = u8::try_from(number(5..7)?).map_err(|_| DateError)?;
        let day = u8::try_from(number(8..10)?).map_err(|_| DateError)?;
        Date::new(number(0..4)?, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(date: Date) -> Self {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn days_are_counted_across_months_years_and_leap_days() {
        assert_eq!(date("2019-10-15").days_until(date("2019-10-15")), 0);
        assert_eq!(date("2019-10-14").days_until(date("2019-10-15")), 1);
        assert_eq!(date("2019-10-15").days_until(date("2019-10-14")), -1);
        assert_eq!(date("2020-02-28").days_until(date("2020-03-01")), 2);
        assert_eq!(date("2019-10-15").days_until(date("2026-11-24")), 2597);
        assert_eq!(date("1970-01-01").ordinal(), 0);
    }

    #[test]
    fn only_real_days_in_the_iso_form_are_dates() {
        for text in [
            "2019-02-29",
            "2019-13-01",
            "2019-00-10",
            "2019-10-32",
            "19-10-15",
            "2019/10/15",
            "2019-1-15",
            "+019-10-15",
        ] {
            assert_eq!(text.parse::<Date>(), Err(DateError), "{text}");
        }
        assert!("2020-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn json_is_the_iso_form() {
        assert_eq!(
            serde_json::to_string(&date("2019-10-15")).unwrap(),
            "\"2019-10-15\""
        );
        assert_eq!(
            serde_json::from_str::<Date>("\"2019-10-15\"").unwrap(),
            date("2019-10-15")
        );
    }
}
