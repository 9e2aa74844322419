//! Dates as pages, feeds and URLs write them: more forms than [`super::moment`] reads, for
//! dates that come from the web.
//!
//! Contract:
//! - [`normalize`] reads the forms pages and feeds write (ISO 8601 with or without time and
//!   offset, RFC 2822 as in RSS `pubDate`, `March 5, 2024`, `YYYYMMDD`, `YYYY/MM/DD`; digits
//!   may be Arabic-Indic) and returns `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` followed by the
//!   offset as written (`Z` or `±HH:MM`) when a time is given. The calendar day is the one the
//!   source wrote, never moved to another time zone.
//! - [`in_url`] finds a date in a URL path (`/2024/05/14/`, `/2024-05-14/`, `/20240514/`).
//! - [`instant`] is the moment a normalized date names (UTC when it has no offset).
//!
//! Anything else is `None`: a date that cannot be read is left out (and the caller reports
//! it), never guessed.

use std::sync::LazyLock;

use jiff::civil::{Date, Time};
use regex::Regex;

use super::ascii_digits;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?(?:$|[\s\[(])",
    )
    .expect("constant pattern")
});

static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})([/.]?)(\d{2})([/.]?)(\d{2})(?:\s|$|T)").expect("constant pattern")
});

static RFC2822: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?)?\s*$",
    )
    .expect("constant pattern")
});

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?)?\s*$",
    )
    .expect("constant pattern")
});

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})(?:/|-|_)?(0?[1-9]|1[0-2])(?:/|-|_)?(0?[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)",
    )
    .expect("constant pattern")
});

/// A date as a source wrote it: the day, maybe a time, maybe an offset (seconds east of UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    day: Date,
    time: Option<Time>,
    offset: Option<i32>,
}

impl Stamp {
    fn new(
        y: u32,
        m: u32,
        d: u32,
        time: Option<(u32, u32, u32)>,
        zone: Option<&str>,
    ) -> Option<Self> {
        if !(1900..=2200).contains(&y) {
            return None;
        }
        let day = Date::new(y as i16, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
        // A time that is not one (25:70) leaves the day, never a guessed time.
        let time = time.and_then(|(h, mi, s)| {
            let s = s.min(59); // a leap second
            Time::new(i8::try_from(h).ok()?, i8::try_from(mi).ok()?, s as i8, 0).ok()
        });
        let offset = time.and(zone.and_then(offset));
        Some(Stamp { day, time, offset })
    }

    fn text(&self) -> String {
        let mut out = self.day.to_string();
        if let Some(t) = self.time {
            out.push_str(&format!(
                "T{:02}:{:02}:{:02}",
                t.hour(),
                t.minute(),
                t.second()
            ));
            match self.offset {
                Some(0) => out.push('Z'),
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    let o = o.unsigned_abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", o / 3600, o / 60 % 60));
                }
                None => {}
            }
        }
        out
    }
}

/// Seconds east of UTC of the zone forms dates carry (`Z`, `+0300`, `+03:00`, `+03`, `GMT`,
/// the North American abbreviations); `None` when unknown.
fn offset(z: &str) -> Option<i32> {
    let z = z.trim();
    let hours = match z.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => Some(0),
        "EST" | "CDT" => Some(-5),
        "EDT" => Some(-4),
        "CST" | "MDT" => Some(-6),
        "MST" | "PDT" => Some(-7),
        "PST" => Some(-8),
        _ => None,
    };
    if let Some(h) = hours {
        return Some(h * 3600);
    }
    let sign = match z.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = z.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h <= 18 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

fn month(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|&n| n == m)?;
    Some(i as u32 + 1)
}

fn read(raw: &str) -> Option<Stamp> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 100 {
        return None;
    }
    let raw = ascii_digits(raw);
    let raw = raw.as_str();
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    let time = |c: &regex::Captures, h: usize| {
        num(c.get(h)).map(|hh| {
            (
                hh,
                num(c.get(h + 1)).unwrap_or(0),
                num(c.get(h + 2)).unwrap_or(0),
            )
        })
    };
    if let Some(c) = ISO.captures(raw) {
        let (y, m, d) = (num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
        return Stamp::new(y, m, d, time(&c, 4), c.get(7).map(|z| z.as_str()));
    }
    if let Some(c) = RFC2822.captures(raw) {
        let d = num(c.get(1))?;
        let m = month(c.get(2)?.as_str())?;
        let mut y = num(c.get(3))?;
        if y < 100 {
            y += if y < 70 { 2000 } else { 1900 };
        }
        return Stamp::new(y, m, d, time(&c, 4), c.get(7).map(|z| z.as_str()));
    }
    if let Some(c) = MONTH_FIRST.captures(raw) {
        let m = month(c.get(1)?.as_str())?;
        let (d, y) = (num(c.get(2))?, num(c.get(3))?);
        return Stamp::new(y, m, d, time(&c, 4), c.get(7).map(|z| z.as_str()));
    }
    if let Some(c) = COMPACT.captures(raw) {
        // One separator or none: 2024/01/23, 20240123 (not 2024/0123).
        if c[2] != c[4] {
            return None;
        }
        return Stamp::new(num(c.get(1))?, num(c.get(3))?, num(c.get(5))?, None, None);
    }
    None
}

/// The calendar day of a date in any of these forms.
pub(super) fn day(raw: &str) -> Option<Date> {
    read(raw).map(|s| s.day)
}

/// The date a page or feed wrote, as ISO 8601 (see the module docs), or `None`.
pub fn normalize(raw: &str) -> Option<String> {
    read(raw).map(|s| s.text())
}

/// The moment a date names (see [`normalize`] for the forms), in seconds since 1970 UTC:
/// midnight UTC for a day, UTC for a time without offset.
pub fn instant(raw: &str) -> Option<i64> {
    let s = read(raw)?;
    let at = s.day.to_datetime(s.time.unwrap_or(Time::midnight()));
    let zone = jiff::tz::Offset::from_seconds(s.offset.unwrap_or(0)).ok()?;
    let ts = zone.to_timestamp(at).ok()?;
    Some(ts.as_second())
}

/// A date in the path of a URL, as `YYYY-MM-DD`.
pub fn in_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    URL_DATE.captures_iter(path).find_map(|c| {
        let n = |i| {
            c.get(i)
                .and_then(|m: regex::Match| m.as_str().parse::<u32>().ok())
        };
        Stamp::new(n(1)?, n(2)?, n(3)?, None, None).map(|s| s.text())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_keep_their_own_calendar_day_and_offset() {
        let n = |s| normalize(s);
        assert_eq!(n("2024-05-15").as_deref(), Some("2024-05-15"));
        assert_eq!(
            n("2024-01-10T01:15:00+03:00").as_deref(),
            Some("2024-01-10T01:15:00+03:00")
        );
        assert_eq!(
            n("2024-05-16T09:00:00.000Z").as_deref(),
            Some("2024-05-16T09:00:00Z")
        );
        assert_eq!(n("2024-3-5 7:12").as_deref(), Some("2024-03-05T07:12:00"));
        assert_eq!(
            n("2024-03-05T07:12:00+0530").as_deref(),
            Some("2024-03-05T07:12:00+05:30")
        );
        assert_eq!(
            n("2024-03-05T23:12:00-05").as_deref(),
            Some("2024-03-05T23:12:00-05:00")
        );
        assert_eq!(n("20240123").as_deref(), Some("2024-01-23"));
        assert_eq!(n("2024/01/23").as_deref(), Some("2024-01-23"));
        // A time that is no time keeps the day only.
        assert_eq!(n("2024-05-15T25:61:00Z").as_deref(), Some("2024-05-15"));
    }

    #[test]
    fn arabic_indic_digits() {
        assert_eq!(
            normalize("٢٠٢٤-٠١-١٠T٠١:١٥:٠٠+٠٣:٠٠").as_deref(),
            Some("2024-01-10T01:15:00+03:00")
        );
        assert_eq!(normalize("۲۰۲۴/۰۳/۰۱").as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn rss_dates() {
        let n = |s| normalize(s);
        assert_eq!(
            n("Tue, 05 Mar 2024 07:12:00 +0100").as_deref(),
            Some("2024-03-05T07:12:00+01:00")
        );
        assert_eq!(
            n("Wed, 10 Jan 2024 05:15:00 GMT").as_deref(),
            Some("2024-01-10T05:15:00Z")
        );
        assert_eq!(n("5 March 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("Sun, 2 Jun 24 11:30 EDT").as_deref(),
            Some("2024-06-02T11:30:00-04:00")
        );
        assert_eq!(n("March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("Tuesday, March 5th, 2024 7:12 +0100").as_deref(),
            Some("2024-03-05T07:12:00+01:00")
        );
    }

    #[test]
    fn nonsense_is_no_date() {
        for s in [
            "",
            "yesterday",
            "منذ 3 ساعات",
            "2024-02-30",
            "2024-13-01",
            "31 Foo 2024",
            "99999999",
            "2024/0123",
            "2024-05-15abc",
            "5 March 2024 and then some",
            "1850-01-01",
        ] {
            assert_eq!(normalize(s), None, "{s}");
        }
    }

    #[test]
    fn instants() {
        assert_eq!(instant("1970-01-02"), Some(86_400));
        assert_eq!(
            instant("Tue, 05 Mar 2024 07:12:00 +0100"),
            instant("2024-03-05T06:12:00Z")
        );
        assert_eq!(instant("2024-02-30"), None);
    }

    #[test]
    fn dates_in_url_paths() {
        let u = |s| in_url(s);
        assert_eq!(
            u("https://x.example/2024/05/14/tram-vote/").as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(
            u("https://x.example/story/2024/1/23/title/6612034").as_deref(),
            Some("2024-01-23")
        );
        assert_eq!(
            u("https://x.example/a/2024-06-02-reef").as_deref(),
            Some("2024-06-02")
        );
        assert_eq!(
            u("https://x.example/news/20240602/reef.html").as_deref(),
            Some("2024-06-02")
        );
        // Not in the host, the query or an article number; not an impossible day.
        assert_eq!(u("https://2024.example/?d=2024/05/14"), None);
        assert_eq!(u("https://x.example/culture/4821907-400"), None);
        assert_eq!(u("https://x.example/news/harbour-1.48213"), None);
        assert_eq!(u("https://x.example/2023/02/29/leap"), None);
    }
}
