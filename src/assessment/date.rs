//! Calendar dates without a date library: the core only needs to parse, validate,
//! compare and print ISO dates. "Today" always comes from the caller, never a clock.

use std::fmt;

/// A valid calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The answer three date boxes spell: "year-month-day" as typed (a '-' typed into a
    /// box is left out, as it would be read as a separator), or nothing if all are empty.
    pub fn spell(day: &str, month: &str, year: &str) -> String {
        let clean = |s: &str| s.trim().replace('-', "");
        let (d, m, y) = (clean(day), clean(month), clean(year));
        if d.is_empty() && m.is_empty() && y.is_empty() {
            String::new()
        } else {
            format!("{y}-{m}-{d}")
        }
    }

    /// A date if the parts make a real one (years 1900 to 2999).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = year >= 1900
            && year <= 2999
            && month >= 1
            && month <= 12
            && day >= 1
            && day <= days_in_month(year, month);
        if valid {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses `yyyy-mm-dd` (one- or two-digit month and day allowed, as typed into
    /// separate day, month and year fields). Anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        Date::new(number(year)?, number(month)? as u8, number(day)? as u8)
    }

    /// The same day `months` months later, clamped to the end of a shorter month.
    pub fn add_months(self, months: u32) -> Date {
        let index = self.year as u32 * 12 + (self.month as u32 - 1) + months;
        let (year, month) = ((index / 12) as u16, (index % 12 + 1) as u8);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Days since 1 January 1970 (negative before), for counting days between dates.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The number of days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// The next day (the same date at the end of the range).
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else if self.year < 2999 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            self
        }
    }

    /// How people read a date in the UK: "10 December 2024".
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

/// ISO 8601, the form stored in answers and exports.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn number(text: &str) -> Option<u16> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_rejects_others() {
        assert_eq!(Date::parse("2024-12-10"), Date::new(2024, 12, 10));
        assert_eq!(Date::parse(" 2024-2-9 "), Date::new(2024, 2, 9));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        for bad in [
            "",
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "24-12-10",
            "2024-12-10-1",
            "2024-1a-10",
            "10.12.24",
            "+202-12-10",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Date::parse("2000-02-29"), Date::new(2000, 2, 29));
    }

    #[test]
    fn orders_prints_and_adds_months() {
        let d = Date::new(2024, 1, 31).unwrap();
        assert!(d < Date::new(2024, 2, 1).unwrap());
        assert_eq!(d.to_string(), "2024-01-31");
        assert_eq!(d.long(), "31 January 2024");
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(12).to_string(), "2025-01-31");
        assert_eq!(d.add_months(23).to_string(), "2025-12-31");
    }

    #[test]
    fn counts_days_and_steps_to_the_next() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(day(1970, 1, 1).day_number(), 0);
        assert_eq!(day(2000, 3, 1).day_number(), 11_017);
        assert_eq!(day(2024, 2, 28).days_until(day(2024, 3, 1)), 2);
        assert_eq!(day(2023, 2, 28).days_until(day(2023, 3, 1)), 1);
        assert_eq!(day(2026, 12, 31).days_until(day(2026, 1, 1)), -364);
        assert_eq!(day(2024, 2, 28).next_day(), day(2024, 2, 29));
        assert_eq!(day(2024, 12, 31).next_day(), day(2025, 1, 1));
        assert_eq!(day(2025, 4, 30).next_day(), day(2025, 5, 1));
        let mut d = day(1999, 1, 1);
        for n in 0..800 {
            assert_eq!(day(1999, 1, 1).days_until(d), n);
            d = d.next_day();
        }
    }
}
