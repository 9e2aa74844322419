//! Dates, with `jiff`: one reader for the dates users type (`--date`) and the dates articles
//! carry (`published`, feed dates, printed date lines).
//!
//! Contract: [`moment`] reads, after mapping Arabic-Indic digits (`٢٠١٥`, `۲۰۱۵`) to ASCII:
//! seconds since 1970 (`1764583200`); RFC 2822 (`Tue, 1 Dec 2026 10:00:00 +0300`, as feeds
//! write it); and `YYYY-MM-DD[(T| )HH:MM[:SS[.frac]]][Z|±HH:MM|±HHMM|±HH| UTC| GMT]`, which
//! covers RFC 3339 and ISO 8601. A time without an offset is UTC. The [`Moment`] keeps the
//! offset as written. An impossible date (`2015-02-31`, `25:00`) is an error that says what is
//! wrong, never a neighbouring valid date. [`day_number`] and [`day`] give an article's
//! calendar day as written (in its own offset): a date with trailing text after a valid
//! `YYYY-MM-DD` still gives that day, and so does any form pages and feeds write
//! ([`normalize`], `March 5, 2024`, `20240305`); anything else is `None`, never guessed.

use std::fmt;

mod written;
pub use written::{in_url, instant, normalize};

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::{Timestamp, ZonedDateTime};

/// An instant with the UTC offset it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The instant, in seconds since 1970-01-01 UTC.
    pub seconds: i64,
    /// The offset from UTC it was written in, in seconds (`+0300`: 10,800).
    pub offset: i32,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The date as given.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

/// The forms [`moment`] reads, for messages.
pub const FORMS: &str = "RFC 3339 (2026-12-01T10:00:00+03:00), RFC 2822 (Tue, 1 Dec 2026 \
                         10:00:00 +0300), YYYY-MM-DD[ HH:MM[:SS]][±HH:MM] or seconds since 1970";

impl Moment {
    /// The moment as an RFC 2822 date in its own offset (`Tue, 1 Dec 2026 10:00:00 +0300`),
    /// for a mail `Date` header.
    pub fn rfc2822(&self) -> String {
        let zoned = self.zoned();
        jiff::fmt::rfc2822::to_string(&zoned).unwrap_or_else(|_| zoned.to_string())
    }

    /// The calendar day in its own offset, as days since 1970-01-01.
    pub fn day_number(&self) -> i64 {
        days_since_epoch(self.zoned().date())
    }

    fn zoned(&self) -> ZonedDateTime {
        let offset = Offset::from_seconds(self.offset).unwrap_or(Offset::UTC);
        Timestamp::from_second(self.seconds)
            .unwrap_or(Timestamp::UNIX_EPOCH)
            .to_zoned_datetime(offset.to_time_zone())
    }
}

/// Reads a date in any of the [`FORMS`] (see the module docs).
pub fn moment(input: &str) -> Result<Moment, DateError> {
    let err = |reason: String| DateError {
        input: input.to_string(),
        reason,
    };
    let s = ascii_digits(input.trim());
    if s.is_empty() {
        return Err(err("it is empty".into()));
    }
    if let Some(digits) = s.strip_prefix('-').or(Some(&s))
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        let seconds: i64 = s
            .parse()
            .map_err(|_| err("too many seconds since 1970".into()))?;
        Timestamp::from_second(seconds).map_err(|_| err("too many seconds since 1970".into()))?;
        return Ok(Moment { seconds, offset: 0 });
    }
    if !iso_like(&s) && s.contains(|c: char| c.is_ascii_alphabetic()) {
        return rfc2822(&s).map_err(err);
    }
    iso(&s).map_err(err)
}

/// Days since 1970-01-01 of an article's date as written, if it can be read (its calendar day
/// in its own offset).
pub fn day_number(date: &str) -> Option<i64> {
    if let Ok(m) = moment(date) {
        return Some(m.day_number());
    }
    leading_day(date)
        .or_else(|| written::day(date))
        .map(days_since_epoch)
}

/// An article's calendar day as `YYYY-MM-DD`, if its date can be read (see [`day_number`]).
pub fn day(date: &str) -> Option<String> {
    let n = day_number(date)?;
    let epoch = jiff::civil::date(1970, 1, 1);
    let d = epoch.checked_add(jiff::Span::new().days(n)).ok()?;
    Some(d.to_string())
}

fn days_since_epoch(day: Date) -> i64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    day.since(epoch)
        .map_or(0, |span| i64::from(span.get_days()))
}

/// A valid `YYYY-MM-DD` at the start, followed by nothing or by a non-digit.
fn leading_day(date: &str) -> Option<Date> {
    let s = ascii_digits(date.trim());
    let head = s.get(..10)?;
    if !iso_like(head) || s[10..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    head.parse().ok()
}

/// `NNNN-NN-NN` at the start.
fn iso_like(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

/// Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits as ASCII digits.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

fn rfc2822(s: &str) -> Result<Moment, String> {
    let zoned = jiff::fmt::rfc2822::parse(s).map_err(|e| format!("as an RFC 2822 date: {e}"))?;
    Ok(Moment {
        seconds: zoned.timestamp().as_second(),
        offset: zoned.offset().seconds(),
    })
}

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.frac]]][offset]`.
fn iso(s: &str) -> Result<Moment, String> {
    if !iso_like(s) {
        return Err(format!("expected one of {FORMS}"));
    }
    let day: Date = s[..10]
        .parse()
        .map_err(|_| format!("{} is not a day of the calendar", &s[..10]))?;
    let mut rest = &s[10..];
    let mut time = jiff::civil::Time::midnight();
    if let Some(r) = rest.strip_prefix(['T', 't', ' ']) {
        let end = r
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
            .unwrap_or(r.len());
        let clock = &r[..end];
        time = clock_time(clock)?;
        rest = &r[end..];
    }
    let offset = offset(rest.trim_start())?;
    let dt = DateTime::from_parts(day, time);
    let ts = offset
        .to_timestamp(dt)
        .map_err(|e| format!("out of range: {e}"))?;
    Ok(Moment {
        seconds: ts.as_second(),
        offset: offset.seconds(),
    })
}

fn clock_time(clock: &str) -> Result<jiff::civil::Time, String> {
    let (hms, _frac) = clock.split_once(['.', ',']).unwrap_or((clock, ""));
    let parts: Vec<&str> = hms.split(':').collect();
    let bad = || format!("{clock:?} is not a time of day (HH:MM or HH:MM:SS)");
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
        return Err(bad());
    }
    let n: Vec<i8> = parts
        .iter()
        .map(|p| p.parse().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    // A leap second (:60) is read as the last second of its minute, as jiff does.
    let sec = n.get(2).copied().unwrap_or(0).min(59);
    jiff::civil::Time::new(n[0], n[1], sec, 0).map_err(|_| bad())
}

fn offset(s: &str) -> Result<Offset, String> {
    let bad = || format!("{s:?} is not a UTC offset (Z, +03:00, +0300 or +03, at most 14 hours)");
    match s {
        "" | "Z" | "z" | "UTC" | "GMT" => return Ok(Offset::UTC),
        _ => {}
    }
    let sign = match s.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return Err(bad()),
    };
    let body = s[1..].replace(':', "");
    if !matches!(body.len(), 2 | 4) || !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let h: i32 = body[..2].parse().map_err(|_| bad())?;
    let m: i32 = body
        .get(2..)
        .filter(|x| !x.is_empty())
        .map_or(Ok(0), |x| x.parse().map_err(|_| bad()))?;
    if h > 14 || m > 59 {
        return Err(bad());
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2015-07-21 08:30:00"), Some(16637));
        let d = |s| day_number(s).unwrap();
        assert_eq!(d("2016-03-01") - d("2016-02-28"), 2);
        assert_eq!(d("2009-03-01") - d("2009-02-28"), 1);
        assert_eq!(d("2010-01-01") - d("2009-01-01"), 365);
        assert_eq!(day_number("21/07/2015"), None);
        assert_eq!(day_number("2015-13-01"), None);
        assert_eq!(day_number("2015-02-31"), None);
        assert_eq!(day_number("someday"), None);
    }

    #[test]
    fn article_dates_in_common_forms_give_their_own_day() {
        let want = Some("2015-07-21".to_string());
        assert_eq!(day("2015-07-21T23:30:00+03:00"), want);
        assert_eq!(day("2015-07-21T02:51:32Z"), want);
        assert_eq!(day("Tue, 21 Jul 2015 23:30:00 +0300"), want);
        assert_eq!(day("21 Jul 2015 10:00:00 GMT"), want);
        assert_eq!(day("٢٠١٥-٠٧-٢١"), want);
        assert_eq!(day("۲۰۱۵-۰۷-۲۱ ۱۰:۰۰"), want);
        assert_eq!(day("2015-07-21 08:30:00 (Riyadh)"), want);
        assert_eq!(day("1437436800"), want);
        assert_eq!(day("Tue, 31 Feb 2015 10:00:00 +0300"), None);
        assert_eq!(day("2015-07-211"), None);
        assert_eq!(day("July 21"), None);
    }

    #[test]
    fn moments_keep_their_offset() {
        let m = moment("Tue, 1 Dec 2026 10:00:00 +0300").unwrap();
        assert_eq!(m.offset, 3 * 3600);
        assert_eq!(m.rfc2822(), "Tue, 1 Dec 2026 10:00:00 +0300");
        let iso = moment("2026-12-01T10:00:00+03:00").unwrap();
        assert_eq!(iso, m);
        assert_eq!(moment("2026-12-01 10:00+0300").unwrap(), m);
        assert_eq!(moment("2026-12-01 07:00").unwrap().seconds, m.seconds);
        assert_eq!(
            moment("2026-12-01").unwrap().rfc2822(),
            "Tue, 1 Dec 2026 00:00:00 +0000"
        );
        assert_eq!(
            moment("0").unwrap().rfc2822(),
            "Thu, 1 Jan 1970 00:00:00 +0000"
        );
        assert_eq!(
            moment("2026-12-01 10:00:30.5-05:30").unwrap().rfc2822(),
            "Tue, 1 Dec 2026 10:00:30 -0530"
        );
    }

    #[test]
    fn impossible_dates_are_errors_that_say_why() {
        for bad in [
            "2015-02-31",
            "2015-02-28 25:00",
            "2015-02-28 10:61",
            "2015-02-28 10:00+2500",
            "2015-02-28 10:00 tomorrow",
            "Tue, 31 Feb 2015 10:00:00 +0300",
            "next tuesday",
            "",
            "99999999999999999999",
        ] {
            let e = moment(bad).unwrap_err();
            assert_eq!(e.input, bad);
            assert!(!e.reason.is_empty(), "{bad}");
        }
        let e = moment("2015-02-31").unwrap_err();
        assert!(e.to_string().contains("2015-02-31 is not a day"), "{e}");
    }
}
