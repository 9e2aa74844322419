//! Two text forms, kept apart: the display form people read and the folded key machines match.
//!
//! Contract: [`display`] is NFKC (lossless for meaning: compatibility forms such as Arabic
//! presentation forms and no-break spaces become their plain letters) and is the only form
//! ever shown. [`fold`] is lossy and only ever used as a matching key:
//! - Arabic: tatweel U+0640 and combining marks (harakat U+064B–U+065F, superscript alef U+0670,
//!   Quranic marks U+0610–U+061A and U+06D6–U+06ED) removed; أ U+0623, إ U+0625, آ U+0622,
//!   ٱ U+0671 -> ا U+0627; ى U+0649 -> ي U+064A; ة U+0629 -> ه U+0647.
//!   ؤ U+0624 and ئ U+0626 are kept: they are distinct spellings and the Snowball stemmer
//!   handles them itself.
//! - Arabic-Indic digits (U+0660–U+0669, U+06F0–U+06F9) -> ASCII digits.
//! - Everything else is lower-cased (full Unicode lower-casing).
//!
//! `fold` is idempotent (a property test pins it).

use unicode_normalization::{UnicodeNormalization, is_nfkc_quick};

/// The display form: NFKC, skipping the work when the text is already normalized.
pub fn display(text: &str) -> String {
    // Most news text is ASCII and base Arabic letters, digits and punctuation, which NFKC
    // leaves alone; checking that is much cheaper than the general quick check.
    let inert = |c: char| {
        c.is_ascii()
            || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '«' | '»' | '“' | '”' | '–' | '—')
    };
    if text.chars().all(inert) {
        return text.to_owned();
    }
    match is_nfkc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_owned(),
        _ => text.nfkc().collect(),
    }
}

/// True for the Arabic marks and tatweel that folding removes.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}')
}

/// Folds one character; `None` when it is removed.
fn fold_char(c: char, out: &mut String) {
    match c {
        c if is_arabic_mark(c) => {}
        // Invisible format characters (zero-width joiners, marks, word joiner, byte-order
        // mark, soft hyphen): never part of a matching key.
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => out.push('\u{0627}'),
        '\u{0649}' => out.push('\u{064A}'),
        '\u{0629}' => out.push('\u{0647}'),
        '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Arabic has no case: skip the slow lower-casing table.
        '\u{0600}'..='\u{06FF}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}

/// The folded matching key of a text (see the module docs for every step).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Folds only the Arabic letters of a text, leaving everything else (such as a regular
/// expression's `\S`) alone.
pub fn fold_arabic(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            fold_char(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// True for Arabic-script letters (not marks, digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
        && !is_arabic_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u0640_tatweel_removed() {
        assert_eq!(fold("تـُحرِزه"), "تحرزه");
    }

    #[test]
    fn u064b_to_u065f_harakat_removed() {
        assert_eq!(fold("أَكَّدَ"), "اكد");
        assert_eq!(fold("تقدُّماً"), "تقدما");
    }

    #[test]
    fn u0623_u0625_u0622_u0671_alef_forms_to_u0627() {
        assert_eq!(fold("أ إ آ ٱ"), "ا ا ا ا");
    }

    #[test]
    fn u0649_alef_maksura_to_u064a_yeh() {
        assert_eq!(fold("إلى"), "الي");
    }

    #[test]
    fn u0629_teh_marbuta_to_u0647_heh() {
        assert_eq!(fold("الخارجية"), "الخارجيه");
    }

    #[test]
    fn u0624_u0626_hamza_carriers_kept() {
        assert_eq!(fold("مؤتمر رئيس"), "مؤتمر رئيس");
    }

    #[test]
    fn arabic_indic_digits_to_ascii() {
        assert_eq!(fold("٢٠١٥ ۱۸"), "2015 18");
    }

    #[test]
    fn regression_zero_width_joiners_do_not_change_the_key() {
        assert_eq!(fold("wo\u{200D}rd"), "word");
        assert_eq!(fold("ال\u{200C}وزير"), "الوزير");
    }

    #[test]
    fn latin_case_folded() {
        assert_eq!(fold("WASHINGTON Ünïcode"), "washington ünïcode");
    }

    #[test]
    fn fold_is_idempotent_on_samples() {
        for s in ["الجعفريّ”.وأكَّد", "Mr. SMITH", "ﻻ", "آخر تحديث:"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }

    #[test]
    fn display_is_nfkc() {
        // U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM -> lam + alef
        assert_eq!(display("\u{FEFB}"), "\u{0644}\u{0627}");
        assert_eq!(display("a\u{00A0}b"), "a b");
        assert_eq!(display("plain"), "plain");
    }

    #[test]
    fn fold_arabic_leaves_regex_escapes() {
        assert_eq!(fold_arabic(r"\S+ آخر"), r"\S+ اخر");
    }
}
