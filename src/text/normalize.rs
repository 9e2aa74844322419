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
    if is_inert(text) {
        return text.to_owned();
    }
    match is_nfkc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_owned(),
        _ => text.nfkc().collect(),
    }
}

/// True when every character of `text` is one NFKC leaves alone for certain: ASCII, the base
/// Arabic letters U+0621–U+063A and U+0641–U+064A, Arabic-Indic digits and the signs
/// U+0660–U+066D, the Arabic comma, semicolon and question mark, `« » “ ” – —`. Tested on
/// the UTF-8 bytes (a character is one, two or three of them here), not on decoded chars.
fn is_inert(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII runs, eight bytes at a time.
        while i + 8 <= b.len() {
            let word = u64::from_le_bytes([
                b[i],
                b[i + 1],
                b[i + 2],
                b[i + 3],
                b[i + 4],
                b[i + 5],
                b[i + 6],
                b[i + 7],
            ]);
            if word & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let Some(&lead) = b.get(i) else { break };
        let step = match lead {
            0x00..=0x7F => 1,
            // U+0600–U+063F: D8 80–BF; U+0640–U+067F: D9 80–BF.
            0xD8 => match b.get(i + 1) {
                Some(0xA1..=0xBA | 0x8C | 0x9B | 0x9F) => 2,
                _ => return false,
            },
            0xD9 => match b.get(i + 1) {
                Some(0x81..=0x8A | 0xA0..=0xAD) => 2,
                _ => return false,
            },
            // « U+00AB, » U+00BB.
            0xC2 => match b.get(i + 1) {
                Some(0xAB | 0xBB) => 2,
                _ => return false,
            },
            // – U+2013, — U+2014, “ U+201C, ” U+201D: E2 80 93/94/9C/9D.
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0x93 | 0x94 | 0x9C | 0x9D)) => 3,
                _ => return false,
            },
            _ => return false,
        };
        i += step;
    }
    true
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

/// The folded key of a text with its whitespace collapsed: `fold(text)`'s words joined by
/// single spaces, made in one pass. `None` as soon as the key would be longer than `limit`
/// bytes (a caller comparing with keys no longer than that need not finish it).
pub fn fold_words(text: &str, limit: usize) -> Option<String> {
    let mut out = String::with_capacity(text.len().min(limit));
    let mut one = String::new();
    let mut space = false;
    for c in text.chars() {
        one.clear();
        if c.is_ascii() {
            one.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, &mut one);
        }
        for f in one.chars() {
            if f.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
        if out.len() > limit {
            return None;
        }
    }
    Some(out)
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
    fn inert_bytes_agree_with_the_characters() {
        let inert = |c: char| {
            c.is_ascii()
                || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '«' | '»' | '“' | '”' | '–' | '—')
        };
        let mut all: Vec<char> = (0..0x3000u32).filter_map(char::from_u32).collect();
        all.extend(['\u{FEFB}', '\u{1F600}', '\u{10FFFF}']);
        for c in all {
            for text in [
                c.to_string(),
                format!("abcdefghij{c}"),
                format!("{c}قال123456789"),
            ] {
                assert_eq!(is_inert(&text), text.chars().all(inert), "{:?}", text);
            }
        }
        assert!(is_inert(""));
    }

    #[test]
    fn fold_words_is_fold_with_whitespace_collapsed() {
        for text in [
            "",
            "   ",
            "  Hello\t World \n",
            "أَكَّدَ  الوزير\u{00A0}أن",
            "a\u{200B} b",
            "\u{0130}stanbul  ĞÜN",
            "x\u{3000}y\u{2028}z ",
        ] {
            let key = fold(text).split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_words(text, usize::MAX).as_deref(), Some(key.as_str()));
            assert_eq!(fold_words(text, key.len()).as_deref(), Some(key.as_str()));
            if !key.is_empty() {
                assert_eq!(fold_words(text, key.len() - 1), None);
            }
        }
    }

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
