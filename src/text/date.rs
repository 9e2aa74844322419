//! Dates: the calendar day of an article's date as written (`YYYY-MM-DD...`), with `jiff`.
//!
//! Contract: [`day_number`] reads the first ten characters as an ISO 8601 calendar date and
//! counts days since 1970-01-01; an impossible date (`2015-02-31`) or another form is `None`,
//! never guessed.

use jiff::civil::Date;

/// Days since 1970-01-01 of a date written `YYYY-MM-DD...`, if it is a real one.
pub fn day_number(date: &str) -> Option<i64> {
    let head = date.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let day: Date = head.parse().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    day.since(epoch).ok().map(|span| i64::from(span.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2015-07-21 02:51:32"), Some(16637));
        let d = |s| day_number(s).unwrap();
        assert_eq!(d("2016-03-01") - d("2016-02-28"), 2);
        assert_eq!(d("2009-03-01") - d("2009-02-28"), 1);
        assert_eq!(d("2010-01-01") - d("2009-01-01"), 365);
        assert_eq!(day_number("21/07/2015"), None);
        assert_eq!(day_number("2015-13-01"), None);
        assert_eq!(day_number("2015-02-31"), None);
        assert_eq!(day_number("someday"), None);
    }
}
