//! Headline layout: date lines, bylines, and whether an article's first line is its title.
//!
//! Contract: every function here is pure and looks at one line (or the line structure around
//! the first one); none reads punctuation alone as proof of a sentence. A scraped article
//! often opens with a title that ends with a full stop, a date line, a byline and a blank
//! line; the title is decided by that layout (see [`is_title`]), not by its final punctuation.
//!
//! - [`is_date_line`]: a short line made of a date and little else, in the forms news pages
//!   print: `Wednesday, July 15, 2009`, `15 July 2009 10:32 GMT`, `2009-07-15`,
//!   `Posted: 07/15/2009`, `الأربعاء، 15 يوليو 2009`, `الأربعاء 22 رجب 1430 هـ - 15 تموز 2009م`,
//!   `تاريخ النشر: 15/7/2009`, with Arabic-Indic digits too, and a place or outlet at most.
//! - [`date_of`]: the Gregorian day of such a line as `YYYY-MM-DD`.
//! - [`is_byline`]: `By John Smith`, `بقلم: ...`, `كتب - ...`: a short credit line.

use crate::text::normalize::fold;

/// A date line has at most this many words.
pub const DATE_LINE_WORDS: usize = 16;
/// A first line of at most this many words before a blank line is a title even when the
/// body's paragraphs are blank-separated too (unless it opens with a dateline).
pub const SHORT_TITLE_WORDS: usize = 15;
/// A byline has at most this many words.
pub const BYLINE_WORDS: usize = 8;

const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "يناير", "كانون الثاني", "جانفي"],
    &["february", "feb", "فبراير", "شباط", "فيفري"],
    &["march", "mar", "مارس", "اذار"],
    &["april", "apr", "ابريل", "نيسان", "افريل"],
    &["may", "مايو", "ايار", "ماي"],
    &["june", "jun", "يونيو", "حزيران", "يونيه", "جوان"],
    &["july", "jul", "يوليو", "تموز", "يوليه", "جويليه"],
    &["august", "aug", "اغسطس", "اب", "اوت", "غشت"],
    &["september", "sep", "sept", "سبتمبر", "ايلول"],
    &["october", "oct", "اكتوبر", "تشرين الاول"],
    &["november", "nov", "نوفمبر", "تشرين الثاني"],
    &["december", "dec", "ديسمبر", "كانون الاول"],
];

/// Words that may stand in a date line besides the date itself (folded).
const DATE_WORDS: &[&str] = &[
    // weekdays
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "الاثنين",
    "الاتنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الاحد",
    "يوم",
    // Hijri months and their parts
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
    "ذي",
    "القعده",
    "الحجه",
    "الاول",
    "الثاني",
    "الاخر",
    "الاخره",
    "الاولي",
    "كانون",
    "تشرين",
    // eras, clock and zone words
    "هـ",
    "ه",
    "م",
    "ق",
    "ص",
    "الموافق",
    "الساعه",
    "صباحا",
    "مساء",
    "مساءا",
    "بتوقيت",
    "غرينتش",
    "جرينتش",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "ast",
    "et",
    "hrs",
    "h",
    // labels
    "published",
    "posted",
    "updated",
    "last",
    "modified",
    "date",
    "on",
    "at",
    "of",
    "the",
    "st",
    "nd",
    "rd",
    "th",
    "تاريخ",
    "التاريخ",
    "النشر",
    "نشر",
    "في",
    "اخر",
    "تحديث",
    "التحديث",
    "بتاريخ",
    "and",
];

/// The month (1-12) a folded word (or two-word name) names.
fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u32 + 1)
}

/// The value of a run of ASCII or Arabic-Indic digits, with an ordinal suffix allowed.
fn number_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.chars().count() > 4 || digits.len() + 2 < word.len() {
        return None;
    }
    let mut n = 0u32;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '٠'..='٩' => c as u32 - '٠' as u32,
            '۰'..='۹' => c as u32 - '۰' as u32,
            _ => return None,
        };
        n = n * 10 + d;
    }
    Some(n)
}

/// What a date line is made of: `(numbers, months, date words, other words)`, with the
/// numbers and months in order.
struct Parts {
    numbers: Vec<u32>,
    months: Vec<u32>,
    date_words: usize,
    others: usize,
    /// A `d/m/y`-style group (numbers joined by `/`, `-` or `.`), as written.
    numeric: Vec<Vec<u32>>,
}

fn parts(line: &str) -> Option<Parts> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 160 || t.split_whitespace().count() > DATE_LINE_WORDS {
        return None;
    }
    let key = fold(t);
    let mut p = Parts {
        numbers: Vec::new(),
        months: Vec::new(),
        date_words: 0,
        others: 0,
        numeric: Vec::new(),
    };
    for chunk in key.split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '|' | '(' | ')'))
    {
        let chunk = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
        if chunk.is_empty() {
            continue;
        }
        // A numeric date or time: 15/07/2009, 2009-07-15, 15.07.2009, 10:32.
        let pieces: Vec<&str> = chunk
            .split(['/', '-', '.', ':'])
            .filter(|s| !s.is_empty())
            .collect();
        if pieces.len() > 1 && pieces.iter().all(|s| number_of(s).is_some()) {
            let nums: Vec<u32> = pieces.iter().filter_map(|s| number_of(s)).collect();
            if !chunk.contains(':') {
                p.numeric.push(nums.clone());
            }
            p.numbers.extend(nums);
            continue;
        }
        for word in chunk.split(['/', '-', '.', ':']).filter(|s| !s.is_empty()) {
            let word = word.trim_start_matches('و');
            // A year with its era glued on: 2009م, 1430ه.
            let bare = word
                .strip_suffix('م')
                .or_else(|| word.strip_suffix('ه'))
                .filter(|b| number_of(b).is_some())
                .unwrap_or(word);
            if let Some(n) = number_of(bare) {
                p.numbers.push(n);
            } else if let Some(m) = month_of(word) {
                p.months.push(m);
            } else if DATE_WORDS.contains(&word) {
                p.date_words += 1;
            } else if word.chars().any(char::is_alphanumeric) {
                p.others += 1;
            }
        }
    }
    Some(p)
}

/// True when a year (Gregorian 1900-2100 or Hijri 1300-1500) is among the numbers.
fn has_year(numbers: &[u32]) -> bool {
    numbers.iter().any(|&n| (1300..=2100).contains(&n))
}

/// True when the line is a date line (see the module docs): a date with at most one other
/// word (a place, an outlet), two when the line does not end like a sentence.
pub fn is_date_line(line: &str) -> bool {
    let Some(p) = parts(line) else { return false };
    let named = !p.months.is_empty() && !p.numbers.is_empty();
    let numeric = p.numeric.iter().any(|g| g.len() == 3);
    if !(named || numeric || (has_year(&p.numbers) && p.date_words > 0)) {
        return false;
    }
    let allowed = if crate::text::clean::ends_sentence(line) {
        1
    } else {
        2
    };
    p.others <= allowed
}

/// The Gregorian day a date line names, as `YYYY-MM-DD` (day-first when a numeric date is
/// ambiguous, as most of the world writes it).
pub fn date_of(line: &str) -> Option<String> {
    if !is_date_line(line) {
        return None;
    }
    let p = parts(line)?;
    let gregorian = |y: u32| (1900..=2100).contains(&y);
    let fmt = |y: u32, m: u32, d: u32| {
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    for g in &p.numeric {
        if let [a, b, c] = g[..] {
            if gregorian(a) {
                return fmt(a, b, c);
            }
            if gregorian(c) {
                return if b > 12 { fmt(c, a, b) } else { fmt(c, b, a) };
            }
        }
    }
    // The year, its month, and the day written nearest before the year (`22 رجب 1430 هـ - 15
    // تموز 2009م` is the 15th).
    let at = p.numbers.iter().position(|&n| gregorian(n))?;
    let month = *p.months.last()?;
    let day = p.numbers[..at]
        .iter()
        .rev()
        .chain(&p.numbers[at + 1..])
        .copied()
        .find(|&n| (1..=31).contains(&n))?;
    fmt(p.numbers[at], month, day)
}

/// True when the line is a short credit line: `By Jane Smith`, `By JANE SMITH, Staff`,
/// `بقلم: ...`, `كتب - ...`, `إعداد: ...`.
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if !(2..=BYLINE_WORDS).contains(&words) {
        return false;
    }
    if let Some(rest) = t.strip_prefix("By ") {
        return rest.chars().next().is_some_and(char::is_uppercase);
    }
    let key = fold(t);
    let first = key
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '/'))
        .next()
        .unwrap_or("");
    matches!(
        first,
        "بقلم"
            | "كتب"
            | "كتبت"
            | "اعداد"
            | "متابعه"
            | "ترجمه"
            | "تحرير"
            | "مراسل"
            | "بواسطه"
    )
}

/// The layout around an article's first line, read from its lines (blank lines kept),
/// before page furniture is dropped (a date line is often furniture too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstLine {
    /// The first line that is not a date line or a byline, trimmed.
    pub text: String,
    /// A date line or a byline follows it.
    pub credit_follows: bool,
    /// A blank line follows it (after its date lines and bylines).
    pub blank_after: bool,
    /// A blank line follows it, while the body's lines (two or more) are not separated by
    /// blank lines: the first line is set apart.
    pub set_apart: bool,
    /// The day of the first date line before or right after it.
    pub date: Option<String>,
}

/// A date line or a byline.
fn is_credit(line: &str) -> bool {
    line.split_whitespace().count() <= DATE_LINE_WORDS && (is_date_line(line) || is_byline(line))
}

/// Reads the layout of the first non-blank line of `lines` that is not a date line or a
/// byline.
pub fn first_line(lines: &[&str]) -> FirstLine {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
    let mut out = FirstLine::default();
    let mut i = 0;
    while i < lines.len() && (lines[i].is_empty() || is_credit(lines[i])) {
        if !lines[i].is_empty() && out.date.is_none() {
            out.date = date_of(lines[i]);
        }
        i += 1;
    }
    let Some(first) = lines.get(i) else {
        return out;
    };
    out.text = (*first).to_owned();
    i += 1;
    while i < lines.len() && !lines[i].is_empty() && is_credit(lines[i]) {
        out.credit_follows = true;
        if out.date.is_none() {
            out.date = date_of(lines[i]);
        }
        i += 1;
    }
    let rest = &lines[i..];
    let blank_after = rest.first().is_some_and(|l| l.is_empty());
    let start = rest
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(rest.len());
    let end = rest
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    let body = &rest[start..end];
    let text_lines = body.iter().filter(|l| !l.is_empty()).count();
    let blanks = body.iter().filter(|l| l.is_empty()).count();
    out.blank_after = blank_after && text_lines > 0;
    out.set_apart = blank_after && text_lines >= 2 && blanks * 2 < text_lines - 1;
    out
}

/// Decides whether `first`, the article's first paragraph, is its title. `credit_follows`
/// says a date line or a byline follows it; `set_apart` says the first line stands alone before a blank
/// line (see [`first_line`]); `repeated` says the same text stands again in the article.
/// A title is short (at most `max_words`), and either ends without sentence punctuation, or
/// is followed by a date line or a byline, or is set apart, or is repeated.
pub fn is_title(
    first: &str,
    credit_follows: bool,
    set_apart: bool,
    repeated: bool,
    max_words: usize,
) -> bool {
    let words = first.split_whitespace().count();
    if words == 0 || words > max_words || first.chars().count() > 250 {
        return false;
    }
    !crate::text::clean::ends_sentence(first) || repeated || set_apart || credit_follows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_date_lines_in_many_forms() {
        for (line, date) in [
            ("Wednesday, July 15, 2009", Some("2009-07-15")),
            ("July 15, 2009", Some("2009-07-15")),
            ("15 July 2009 10:32 GMT", Some("2009-07-15")),
            ("Posted: 07/15/2009", Some("2009-07-15")),
            ("2009-07-15", Some("2009-07-15")),
            ("Sat Mar 17, 2007 4:05pm EDT", None),
            ("LONDON, Jan. 5, 2005", Some("2005-01-05")),
            ("Updated: Friday, 8 July 2005.", Some("2005-07-08")),
            ("الأربعاء، 15 يوليو 2009", Some("2009-07-15")),
            ("الأربعاء ١٥ يوليو ٢٠٠٩.", Some("2009-07-15")),
            ("الأربعاء 22 رجب 1430 هـ - 15 تموز 2009م", Some("2009-07-15")),
            ("تاريخ النشر: 15/7/2009", Some("2009-07-15")),
            ("الخميس 1436/10/7 هـ", None),
            ("الجمعة، 8 تموز/يوليو 2005", Some("2005-07-08")),
        ] {
            assert!(is_date_line(line), "{line}");
            if let Some(d) = date {
                assert_eq!(date_of(line).as_deref(), Some(d), "{line}");
            }
        }
        for line in [
            "The storm closed the bridge on July 15, 2009.",
            "He was born in 1935 in Modena and sang for decades.",
            "وصل خادم الحرمين الشريفين إلى طنجة في 15 يوليو 2009.",
            "Storm closes harbour bridge",
            "2009",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Smith"));
        assert!(is_byline("بقلم: محمد علي"));
        assert!(is_byline("كتب - عبدالله البرقاوي"));
        assert!(!is_byline(
            "By Friday evening the bridge had reopened to traffic."
        ));
        assert!(!is_byline("by jane smith"));
    }

    #[test]
    fn regression_title_with_a_full_stop() {
        assert!(is_title(
            "Storm closes harbour bridge.",
            true,
            false,
            false,
            25
        ));
        assert!(is_title("العاصفة تغلق الجسر.", true, false, false, 25));
        assert!(is_title(
            "Storm closes harbour bridge.",
            false,
            true,
            false,
            25
        ));
        assert!(is_title(
            "Storm closes harbour bridge.",
            false,
            false,
            true,
            25
        ));
        assert!(is_title(
            "Storm closes harbour bridge",
            false,
            false,
            false,
            25
        ));
        // A lead sentence before another paragraph is no title.
        assert!(!is_title(
            "A storm closed the harbour bridge on Tuesday.",
            false,
            false,
            false,
            25
        ));
    }

    #[test]
    fn first_line_set_apart_only_when_the_body_is_not_blank_separated() {
        assert!(first_line(&["Title.", "", "One.", "Two.", "Three."]).set_apart);
        assert!(!first_line(&["Lead.", "", "One.", "", "Two.", "", "Three."]).set_apart);
        assert!(!first_line(&["Lead.", "One.", "Two."]).set_apart);
        assert!(!first_line(&["Lead."]).set_apart);
        assert!(!first_line(&["Lead.", "", "One."]).set_apart);
        let l = first_line(&["Title.", "Wednesday, July 15, 2009", "", "One.", "", "Two."]);
        assert_eq!(l.text, "Title.");
        assert!(l.credit_follows && l.blank_after && !l.set_apart);
        assert_eq!(l.date.as_deref(), Some("2009-07-15"));
    }
}
