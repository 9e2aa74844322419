//! Split: cut paragraphs into sentences.
//!
//! Contract: [`split_paragraph`] returns byte spans into its input, ordered, disjoint, on `char`
//! boundaries, trimmed of whitespace, each holding at least one letter or digit. A paragraph
//! break always ends a sentence (paragraphs are split one at a time). Closing quotes and
//! brackets after the final punctuation stay with their sentence; an opening quote starts the
//! next one.
//!
//! Where a sentence ends:
//! - at `. ! ? ؟` (and runs of them) followed by white space, unless the period ends an
//!   abbreviation from `resources/abbreviations/` (`Mr.`, `Gen.`, `No. 5`, `د.`), an initial
//!   (`John F. Kennedy`), or an ambiguous abbreviation (`U.S.`, `p.m.`) not followed by a common
//!   sentence starter; and not when the next word starts with a lower-case Latin letter;
//! - at `. ! ؟` glued to a following Arabic letter (`داعش .وذكر`, `الإرهابيّ”.وأكَّد`,
//!   `المحررة.ونقل`): scraped Arabic news often drops the space after the stop, and no Arabic
//!   word starts right after a period otherwise;
//! - at a period glued to a capital after a lower-case word (`visit.The`);
//! - at an ellipsis (`...`, `…`, `..`) only before a capitalised Latin word;
//! - never at a decimal point, `،` `؛` `;` `:` or a comma.

use std::ops::Range;

use crate::clean::Cleaned;
use crate::normalize::is_arabic_letter;
use crate::resources::ABBREVIATION_LISTS;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | ')' | ']' | '}' | '"' | '\'')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '"' | '\'' | '`' | '„'
    )
}

/// The word before position `i` (a byte offset), back to the previous white space, without
/// opening punctuation, plus the terminator at `i` (which may be several bytes, as `؟` is).
fn token_before(text: &str, i: usize) -> &str {
    let start = text[..i].rfind(char::is_whitespace).map_or(0, |p| {
        p + text[p..].chars().next().map_or(1, char::len_utf8)
    });
    let end = i + text[i..].chars().next().map_or(0, char::len_utf8);
    text[start..end].trim_start_matches(is_opener)
}

/// The next word starting at byte `from` (after white space and opening punctuation), without
/// trailing punctuation.
fn next_word(text: &str, from: usize) -> &str {
    let rest = text[from..].trim_start().trim_start_matches(is_opener);
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    rest[..end].trim_end_matches(|c: char| !c.is_alphanumeric())
}

fn starts_lowercase_latin(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() && !is_arabic_letter(c))
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Decides whether the single period at byte `i` (followed by white space) ends a sentence.
fn period_ends_sentence(text: &str, i: usize, after: usize) -> bool {
    let abbr = &*ABBREVIATION_LISTS;
    let token = token_before(text, i);
    let bare = token.trim_end_matches('.').trim_end_matches(is_closer);
    let next = next_word(text, after);
    if next.is_empty() {
        return true;
    }
    if abbr.always.contains(token) {
        return false;
    }
    if abbr.number.contains(token) && next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut letters = bare.chars();
    if letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none() {
        return false; // an initial: `John F. Kennedy`, `د. محمد`
    }
    if abbr.ambiguous.contains(token) || bare.contains('.') {
        return abbr.starters.contains(next);
    }
    !starts_lowercase_latin(next)
}

/// Decides whether a terminator run at `i..j` (bytes), followed by closers up to `k`, is a
/// sentence boundary.
fn is_boundary(text: &str, i: usize, j: usize, k: usize) -> bool {
    let Some(next) = text[k..].chars().next() else {
        return true;
    };
    let run = &text[i..j];
    let ellipsis = run == "…" || run.starts_with("..");
    if next.is_whitespace() {
        let word = next_word(text, k);
        if word.is_empty() {
            return true;
        }
        if ellipsis {
            return starts_uppercase(word) && !is_arabic_letter(word.chars().next().unwrap_or(' '));
        }
        if run == "." && k == j {
            return period_ends_sentence(text, i, k);
        }
        return !starts_lowercase_latin(word);
    }
    if ellipsis {
        return false;
    }
    // Glued to what follows.
    if run.starts_with('.')
        && text[..i].ends_with(|c: char| c.is_ascii_digit())
        && next.is_ascii_digit()
    {
        return false; // 4.5
    }
    let token = token_before(text, i);
    let bare = token.trim_end_matches(|c: char| is_terminator(c) || is_closer(c));
    let single_letter = bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic);
    if is_arabic_letter(next) {
        return !single_letter && !ABBREVIATION_LISTS.always.contains(token);
    }
    if next.is_uppercase() && run == "." && k == j {
        let mut chars = bare.chars().rev();
        return !bare.contains('.')
            && chars.next().is_some_and(char::is_lowercase)
            && chars.next().is_some_and(char::is_lowercase);
    }
    if matches!(next, '“' | '«') {
        return !single_letter;
    }
    false
}

/// Splits one paragraph into sentence spans (byte ranges into `text`).
pub fn split_paragraph(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |n: usize| chars.get(n).map_or(text.len(), |&(b, _)| b);
    let mut spans = Vec::new();
    let mut start = 0;
    let mut n = 0;
    while n < chars.len() {
        if !is_terminator(chars[n].1) {
            n += 1;
            continue;
        }
        let mut m = n + 1;
        while m < chars.len() && is_terminator(chars[m].1) {
            m += 1;
        }
        let mut q = m;
        while q < chars.len() && is_closer(chars[q].1) {
            let straight = matches!(chars[q].1, '"' | '\'');
            let after = chars.get(q + 1).map(|&(_, c)| c);
            if straight
                && after.is_some_and(|c| !(c.is_whitespace() || is_closer(c) || is_terminator(c)))
            {
                break; // an opening quote of the next sentence
            }
            q += 1;
        }
        if is_boundary(text, at(n), at(m), at(q)) {
            push_trimmed(text, start..at(q), &mut spans);
            start = at(q);
            n = q;
        } else {
            n = m;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[span.clone()];
    if s.trim().is_empty() {
        return;
    }
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let span = span.start + lead..span.end - trail;
    if text[span.clone()].chars().any(char::is_alphanumeric) {
        out.push(span);
    }
}

/// A document's text and its sentences: paragraphs joined by a blank line, and each sentence's
/// span into that text with its heading flag.
pub fn split_document(cleaned: &Cleaned) -> (String, Vec<(Range<usize>, bool)>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for p in &cleaned.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let offset = text.len();
        text.push_str(&p.text);
        for span in split_paragraph(&p.text) {
            sentences.push((span.start + offset..span.end + offset, p.heading));
        }
    }
    (text, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_paragraph(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn arabic_period_glued_after_space() {
        assert_eq!(
            split("ضد تنظيم داعش .وذكر بيان لمكتبه"),
            vec!["ضد تنظيم داعش .", "وذكر بيان لمكتبه"]
        );
    }

    #[test]
    fn arabic_quote_then_period_glued() {
        assert_eq!(
            split("تنظيم داعش الإرهابيّ”.وأكَّد الجعفريّ أنَّ"),
            vec!["تنظيم داعش الإرهابيّ”.", "وأكَّد الجعفريّ أنَّ"]
        );
    }

    #[test]
    fn arabic_glued_both_sides() {
        assert_eq!(
            split("اعمار المناطق المحررة.ونقل بيان"),
            vec!["اعمار المناطق المحررة.", "ونقل بيان"]
        );
    }

    #[test]
    fn arabic_never_at_comma_semicolon_or_colon() {
        let s = "الأحداث الأمنيّة، والسياسيّة في العراق؛ وذلك سيُمثـِّل انتصار: الإرادة.";
        assert_eq!(split(s), vec![s]);
    }

    #[test]
    fn arabic_question_mark_and_initial() {
        assert_eq!(
            split("هل انتهى؟ نعم انتهى."),
            vec!["هل انتهى؟", "نعم انتهى."]
        );
        assert_eq!(
            split("قال د. محمد إن الوضع جيد."),
            vec!["قال د. محمد إن الوضع جيد."]
        );
    }

    #[test]
    fn regression_glued_arabic_question_mark_is_two_bytes() {
        // EASC religion (1): `؟` (2 bytes) glued to the next word once sliced mid-character.
        assert_eq!(split("ما هي المسيحية؟وما أصلها"), vec!["ما هي المسيحية؟", "وما أصلها"]);
    }

    #[test]
    fn arabic_double_dot_pause_kept() {
        let s = "مسؤوليتهم الاولى.. فيما يشارك العبادي في مؤتمر.";
        assert_eq!(split(s), vec![s]);
    }

    #[test]
    fn english_titles_and_initials() {
        assert_eq!(
            split("Mr. Smith met Gen. Allen and Dr. Jane Q. Public. They talked."),
            vec![
                "Mr. Smith met Gen. Allen and Dr. Jane Q. Public.",
                "They talked."
            ]
        );
    }

    #[test]
    fn english_us_and_pm() {
        assert_eq!(
            split(
                "The U.S. envoy left at 5 p.m. on Friday. Talks ended in the U.S. The envoy flew home."
            ),
            vec![
                "The U.S. envoy left at 5 p.m. on Friday.",
                "Talks ended in the U.S.",
                "The envoy flew home."
            ]
        );
    }

    #[test]
    fn english_eg_decimals_and_ellipsis() {
        assert_eq!(
            split("Costs rose 4.5 percent, e.g. for fuel... and food. Prices fell."),
            vec![
                "Costs rose 4.5 percent, e.g. for fuel... and food.",
                "Prices fell."
            ]
        );
    }

    #[test]
    fn english_quotes_stay_with_sentence() {
        assert_eq!(
            split(
                "He said, “We will rebuild.” The mayor agreed. ``It is over,'' she said. \"Next,\" he said."
            ),
            vec![
                "He said, “We will rebuild.”",
                "The mayor agreed.",
                "``It is over,'' she said.",
                "\"Next,\" he said."
            ]
        );
        assert_eq!(
            split("It was over.'' Then rain came."),
            vec!["It was over.''", "Then rain came."]
        );
    }

    #[test]
    fn english_number_abbreviation() {
        assert_eq!(
            split("He was No. 1 in the race."),
            vec!["He was No. 1 in the race."]
        );
    }

    #[test]
    fn glued_capital_after_lowercase_word() {
        assert_eq!(
            split("He arrived.The talks began."),
            vec!["He arrived.", "The talks began."]
        );
        assert_eq!(split("Use Node.js today."), vec!["Use Node.js today."]);
    }

    #[test]
    fn punctuation_only_spans_dropped() {
        assert_eq!(split("Done. * ."), vec!["Done."]);
        assert!(split("   ").is_empty());
    }
}
