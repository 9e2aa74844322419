//! Fragments: pieces of a page that the splitter yields as sentences but that no reader would
//! take for one: list numbers, bylines and photo credits, keyword lines, and clauses cut off
//! before their end.
//!
//! Contract: [`fragment`] says why a sentence (display text) is a fragment, or `None`. Only
//! text without a sentence end (`ends_sentence`) can be a fragment. The rules, each from real
//! pages in the dev data (the examples here are written after them, not copied):
//!
//! - a list number or bullet before at most [`LIST_ITEM_WORDS`] words (`(16) مدير مكتب التعليم
//!   بحضور`, `3- ...`);
//! - a clause ending in a function word of its language (`... بحضور`, `... and the`): it was
//!   cut off, by the page or by a line break;
//! - a line of five or more words without a single function word (`مهرجان الربيع الثقافي
//!   الفنون الشعبية الموسيقى جدة التاريخية`): a keyword or tag list, not a sentence;
//! - a byline or credit of at most [`BYLINE_WORDS`] words (`By Jane Doe, Reuters`, `تصوير:
//!   محمد`, `Photo: AP`).
//!
//! A fragment is not offered to the selector (it shows in `--explain` with its reason).

use crate::text::clean::ends_sentence;
use crate::text::normalize::fold;
use crate::text::tokenize::{Analyzer, words};

/// A byline or credit has at most this many words.
pub const BYLINE_WORDS: usize = 8;

/// A list item has at most this many words (a longer text after a number is a sentence that
/// opens with a figure, `(24) سؤالا عن ...`).
pub const LIST_ITEM_WORDS: usize = 12;

/// Words that open a byline or a credit (folded forms are compared).
const BYLINE_STARTS: &[&str] = &[
    "by",
    "photo",
    "photos",
    "picture",
    "credit",
    "reporting",
    "written",
    "editing",
    "بقلم",
    "تصوير",
    "كتب",
    "كتبت",
    "اعداد",
    "تحرير",
    "الصورة",
    "صورة",
    "مراسل",
];

/// Why `text` is a fragment (see the module docs), or `None` for a sentence.
pub fn fragment(text: &str, analyzer: &Analyzer) -> Option<&'static str> {
    let t = text.trim();
    let ws: Vec<&str> = words(t).collect();
    if ws.is_empty() {
        return None;
    }
    let first = fold(ws[0]);
    // The text after the first word; symbols or quotes may stand before it (`"By ...`).
    let colon_after_first = || {
        t.find(ws[0])
            .is_some_and(|at| t[at + ws[0].len()..].trim_start().starts_with(':'))
    };
    if ws.len() <= BYLINE_WORDS
        && !ends_sentence(t)
        && BYLINE_STARTS.contains(&first.as_str())
        && (first == "by" || ws.len() <= 4 || colon_after_first())
    {
        return Some("a byline or credit");
    }
    if ends_sentence(t) {
        return None;
    }
    if ws.len() <= LIST_ITEM_WORDS && list_marker(t) {
        return Some("a list item without a sentence end");
    }
    let last = fold(ws[ws.len() - 1]);
    if analyzer.is_stop(&last) && !last.chars().all(|c| c.is_ascii_digit()) {
        return Some("a clause cut off after a function word");
    }
    if ws.len() >= 5 && !ws.iter().any(|w| analyzer.is_stop(&fold(w))) {
        return Some("a keyword line without a function word");
    }
    None
}

/// `(16) `, `16) `, `16- `, `16. `, `• `, `- ` before the text.
fn list_marker(t: &str) -> bool {
    let ascii_digit = |c: char| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c);
    if let Some(rest) = t.strip_prefix(['•', '▪', '●', '-', '–', '*', '·']) {
        return rest.starts_with(' ');
    }
    let inner = t.strip_prefix('(').unwrap_or(t);
    let digits = inner.chars().take_while(|&c| ascii_digit(c)).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &inner[inner
        .char_indices()
        .nth(digits)
        .map_or(inner.len(), |(i, _)| i)..];
    let rest = rest.trim_start();
    rest.starts_with(')') || rest.starts_with('-') || rest.starts_with('.') && t.len() > 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    fn ar(t: &str) -> Option<&'static str> {
        fragment(t, &Analyzer::new(Language::Arabic))
    }
    fn en(t: &str) -> Option<&'static str> {
        fragment(t, &Analyzer::new(Language::English))
    }

    #[test]
    fn fragments_from_the_dev_data_are_caught() {
        // After a SaudiNewsNet page: a list number and a clause cut off.
        assert!(ar("(16) مدير مكتب التعليم بحضور").is_some());
        // After a SaudiNewsNet page: its tag line.
        assert_eq!(
            ar("مهرجان الربيع الثقافي الفنون الشعبية الموسيقى جدة التاريخية"),
            Some("a keyword line without a function word")
        );
        assert!(ar("تصوير: محمد الأحمد").is_some());
        assert!(en("By Jane Doe, Reuters").is_some());
        // Symbols before the first word (a private-use character once cut a slice through).
        assert!(en("\u{e000} Photo: Jane Doe").is_some());
        assert!(en("\u{e000} By \"Nobody \"Nobody").is_some());
        assert!(en("Photo: AP").is_some());
        assert!(en("3) Officials said the bridge would").is_some());
        assert!(en("The mayor met engineers at the bridge and the").is_some());
    }

    #[test]
    fn sentences_are_not_fragments() {
        assert_eq!(
            ar("بحث وزير الخارجية ابراهيم الجعفري مع مبعوث الرئيس الأميركي مجمل الاوضاع الامنية."),
            None
        );
        // No full stop, but a sentence: it has function words and does not end on one.
        assert_eq!(
            ar("وقال المتحدث إن القوات سيطرت على المدينة بعد معارك عنيفة"),
            None
        );
        assert_eq!(
            en("The bridge will reopen on Friday, officials said."),
            None
        );
        assert_eq!(en("16 people were hurt when the roof fell in."), None);
        assert_eq!(
            en("By noon the bridge had reopened to traffic in both directions."),
            None
        );
        assert_eq!(en("Storm forces closure of Porthaven harbor bridge"), None);
        // After an EASC article: a long passage that opens with a figure in brackets.
        assert_ne!(
            ar(
                "(24) سؤالا عن رسوم الخدمة و(38) سؤالا عن مواعيد العمل وما يلفت النظر \
                هو أن الجهات المعنية لم تعلن"
            ),
            Some("a list item without a sentence end")
        );
    }
}
