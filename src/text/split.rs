//! Split: cut paragraphs into sentences.
//!
//! Contract: [`split_paragraph`] returns byte spans into its input, ordered, disjoint, on `char`
//! boundaries, trimmed of whitespace, each holding at least one letter or digit. A paragraph
//! break always ends a sentence (paragraphs are split one at a time). Closing quotes and
//! brackets after the final punctuation stay with their sentence; an opening quote starts the
//! next one.
//!
//! The boundaries come from `sentencex` (Wikimedia's rule-based segmenter, MIT), which already
//! splits Arabic stops glued to the next word (`داعش .وذكر`, `الإرهابيّ”.وأكَّد`,
//! `المحررة.ونقل`), never splits at `،` `؛` `:`, and knows English abbreviations, initials,
//! decimals, ellipses and quotes. A second pass with our own lists in
//! `resources/abbreviations/` joins back what it cuts too eagerly for news:
//! - after an abbreviation that never ends a sentence (`Gen.`, `د.`);
//! - after a number abbreviation before a digit (`No. 5`);
//! - after an ambiguous abbreviation (`U.S.`, `p.m.`) unless a common sentence starter follows;
//! - after a single-letter initial (`John F. Kennedy`, `أ. محمد`);
//! - after `..`, `...` or `…` before an Arabic word: in Arabic news this is a pause inside the
//!   sentence, not an end;
//! - before a word starting with a lower-case Latin letter.

use std::ops::Range;

use crate::config::Language;
use crate::text::clean::Cleaned;
use crate::text::normalize::is_arabic_letter;
use crate::text::resources::ABBREVIATION_LISTS;

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | ')' | ']' | '}' | '"' | '\'')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '"' | '\'' | '`' | '„'
    )
}

/// The first word of a text, after opening punctuation, without trailing punctuation.
fn first_word(text: &str) -> &str {
    let rest = text.trim_start().trim_start_matches(is_opener);
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    rest[..end].trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// True when the segmenter's cut between `prev` and `next` falls inside a sentence.
fn must_join(prev: &str, next: &str) -> bool {
    let abbr = &*ABBREVIATION_LISTS;
    let prev = prev.trim_end();
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return false;
    };
    let token = prev
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener);
    let word = first_word(next);
    if abbr.always.contains(token) {
        return true;
    }
    if abbr.number.contains(token) && first.is_ascii_digit() {
        return true;
    }
    if abbr.ambiguous.contains(token) {
        return !abbr.starters.contains(word);
    }
    if letter_name_initial(prev, token, next) {
        return true;
    }
    let mut chars = token.chars();
    if let (Some(a), Some('.'), None) = (chars.next(), chars.next(), chars.next())
        && a.is_alphabetic()
    {
        return true; // an initial
    }
    let bare = prev.trim_end_matches(is_closer);
    if (bare.ends_with("..") || bare.ends_with('…')) && is_arabic_letter(first) {
        return true;
    }
    bare.ends_with('.') && first.is_lowercase() && !is_arabic_letter(first)
}

/// True when `token` (the last word of `prev`) is a Latin letter spelled as an Arabic word
/// with its period (`دبليو.`), standing as an initial in a name (`جورج دبليو. بوش`): not
/// after another letter name (an acronym, `يو اس بي.`, may end a sentence), and not before a
/// word with the conjunction `و` or a common sentence starter.
fn letter_name_initial(prev: &str, token: &str, next: &str) -> bool {
    let abbr = &*ABBREVIATION_LISTS;
    let Some(letter) = token.strip_suffix('.') else {
        return false;
    };
    if !abbr.initials.contains(letter) {
        return false;
    }
    let before = prev.split_whitespace().rev().nth(1).unwrap_or("");
    let acronym = abbr.initials.contains(before.trim_end_matches('.'));
    let word = first_word(next);
    let starter = word.starts_with('و') || abbr.starters.contains(word);
    !acronym
        && !starter
        && next
            .trim_start()
            .chars()
            .next()
            .is_some_and(is_arabic_letter)
}

/// The `sentencex` language code for a language.
fn segmenter_code(language: Language) -> &'static str {
    match language {
        Language::Arabic => "ar",
        Language::English | Language::Other => "en",
    }
}

/// Builds the segmenter's own patterns for the languages of `scripts` now (it compiles them on
/// first use, about a tenth of a millisecond each): called beside
/// [`crate::text::resources::prepare`], so that the first paragraphs split do not wait for
/// them. The boundaries found later are the same either way.
pub fn prepare(scripts: &[crate::text::resources::Script]) {
    for &script in scripts {
        let language = match script {
            crate::text::resources::Script::Arabic => Language::Arabic,
            crate::text::resources::Script::Latin => Language::English,
        };
        let _ = split_paragraph("x. y.", language);
    }
}

/// Splits one paragraph into sentence spans (byte ranges into `text`).
pub fn split_paragraph(text: &str, language: Language) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut covered = 0;
    for b in sentencex::get_sentence_boundaries(segmenter_code(language), text) {
        let (start, end) = (b.start_byte.max(covered), b.end_byte);
        if end <= start || text.get(start..end).is_none() {
            continue; // never trust a span we cannot slice
        }
        pieces.push(start..end);
        covered = end;
    }
    if covered < text.len() && text.get(covered..).is_some() {
        pieces.push(covered..text.len());
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for p in pieces {
        if let Some(last) = merged.last_mut()
            && must_join(&text[last.clone()], &text[p.clone()])
        {
            last.end = p.end;
            continue;
        }
        merged.push(p);
    }
    let mut spans = Vec::new();
    for span in merged {
        push_trimmed(text, span, &mut spans);
    }
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
pub fn split_document(
    cleaned: &Cleaned,
    language: Language,
    max_chars: usize,
) -> (String, Vec<(Range<usize>, bool)>) {
    // Exactly the length it will have: a corpus holds every article's text, and a string grown
    // by doubling would hold up to twice it.
    let length = cleaned
        .paragraphs
        .iter()
        .map(|p| p.text.len() + 2)
        .sum::<usize>();
    let mut text = String::with_capacity(length.saturating_sub(2));
    let mut sentences = Vec::new();
    for p in &cleaned.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let offset = text.len();
        text.push_str(&p.text);
        for span in split_paragraph(&p.text, language) {
            for piece in cap_length(&p.text, span, max_chars) {
                sentences.push((piece.start + offset..piece.end + offset, p.heading));
            }
        }
    }
    (text, sentences)
}

/// Cuts a span longer than `max_chars` characters into consecutive pieces of at most that
/// many, each ending after a space when there is one in its second half (else at a character
/// boundary), each trimmed of surrounding whitespace. Text without sentence punctuation (a
/// table, a list, a page dumped on one line) would otherwise be one endless "sentence".
pub fn cap_length(text: &str, span: Range<usize>, max_chars: usize) -> Vec<Range<usize>> {
    let max_chars = max_chars.max(1);
    let mut out = Vec::new();
    let mut start = span.start;
    while start < span.end {
        // Each piece starts at a non-space.
        let rest = &text[start..span.end];
        start += rest.len() - rest.trim_start().len();
        if start >= span.end {
            break;
        }
        // The byte offset of the character after the first `max_chars`.
        let limit = text[start..span.end]
            .char_indices()
            .nth(max_chars)
            .map_or(span.end, |(i, _)| start + i);
        let end = if limit == span.end {
            span.end
        } else {
            let half = start + (limit - start) / 2;
            let half = (half..=limit)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(limit);
            text[half..limit]
                .rfind(char::is_whitespace)
                .map_or(limit, |i| half + i)
        };
        let end = end.max(start + text[start..].chars().next().map_or(1, char::len_utf8));
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(start + lead..end - trail);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_spans_are_cut_at_spaces() {
        let text = "alpha beta gamma delta epsilon";
        let pieces: Vec<&str> = cap_length(text, 0..text.len(), 12)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(pieces, ["alpha beta", "gamma delta", "epsilon"]);
        assert!(pieces.iter().all(|p| p.chars().count() <= 12));
        // No space: cut at characters (Arabic letters are two bytes).
        let ar = "بببببببببب";
        let pieces: Vec<&str> = cap_length(ar, 0..ar.len(), 4)
            .into_iter()
            .map(|r| &ar[r])
            .collect();
        assert_eq!(pieces, ["بببب", "بببب", "بب"]);
        // Short spans are untouched.
        assert_eq!(cap_length(text, 6..10, 12), vec![6..10]);
    }

    fn split(text: &str) -> Vec<&str> {
        let lang = if text.chars().any(is_arabic_letter) {
            Language::Arabic
        } else {
            Language::English
        };
        split_paragraph(text, lang)
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
        assert_eq!(
            split("ما هي المسيحية؟وما أصلها"),
            vec!["ما هي المسيحية؟", "وما أصلها"]
        );
    }

    #[test]
    fn regression_arabic_letter_name_initials() {
        for s in [
            "التقى الرئيس الأمريكي جورج دبليو. بوش بالملك في البيت الأبيض.",
            "اغتيل الرئيس جون إف. كينيدي في دالاس عام 1963.",
        ] {
            assert_eq!(split(s), vec![s]);
        }
        assert_eq!(
            split("وصل الرئيس جورج دبليو. بوش أمس. وعقد مؤتمرا صحفيا."),
            vec!["وصل الرئيس جورج دبليو. بوش أمس.", "وعقد مؤتمرا صحفيا."]
        );
        // An acronym or a letter before a sentence starter still ends its sentence.
        assert_eq!(
            split("استخدمت سواقات يو اس بي. مما أدى إلى التغيير."),
            vec!["استخدمت سواقات يو اس بي.", "مما أدى إلى التغيير."]
        );
        assert_eq!(
            split("تلعق فراءها لكسب فيتامين سي.كما تحب القطط المطاردة."),
            vec!["تلعق فراءها لكسب فيتامين سي.", "كما تحب القطط المطاردة."]
        );
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
