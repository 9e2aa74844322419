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

/// The display form: NFKC, skipping the work where the text is already normalized.
///
/// Most news text is ASCII and base Arabic letters, digits and punctuation, which NFKC leaves
/// alone (the inert characters of `is_inert`), and each of them has a normalization boundary
/// before it: nothing after it composes with or reorders across what is before it. So the
/// text is cut before inert characters into pieces, NFKC of the text is the NFKC of each piece
/// in turn, and only the pieces around runs of other characters are checked (the quick
/// check) and, failing it, normalized.
pub fn display(text: &str) -> String {
    let mut out: Option<String> = None;
    // Bytes of `text` searched, and copied to `out`.
    let (mut at, mut copied) = (0, 0);
    while let Some(first) = inert_prefix(&text[at..]).map(|p| at + p) {
        // The piece: from the inert character before the run (a boundary), to the next
        // inert character after it.
        let start = text[at..first]
            .char_indices()
            .next_back()
            .map_or(first, |(i, _)| at + i);
        let end = text[first..]
            .char_indices()
            .find(|&(_, c)| is_inert_char(c))
            .map_or(text.len(), |(i, _)| first + i);
        let piece = &text[start..end];
        if is_nfkc_quick(piece.chars()) != unicode_normalization::IsNormalized::Yes {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            out.push_str(&text[copied..start]);
            out.extend(piece.nfkc());
            copied = end;
        }
        at = end;
    }
    match out {
        None => text.to_owned(),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            out
        }
    }
}

/// One inert character (see `is_inert`).
fn is_inert_char(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{066D}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '«' | '»' | '“' | '”' | '–' | '—')
}

/// True when every character of `text` is one NFKC leaves alone for certain: ASCII, the base
/// Arabic letters U+0621–U+063A and U+0641–U+064A, Arabic-Indic digits and the signs
/// U+0660–U+066D, the Arabic comma, semicolon and question mark, `« » “ ” – —`. Tested on
/// the UTF-8 bytes (a character is one, two or three of them here), not on decoded chars.
#[cfg(test)]
fn is_inert(text: &str) -> bool {
    inert_prefix(text).is_none()
}

/// The byte offset of the first character of `text` that is not inert (as `is_inert` says),
/// `None` when every one is.
fn inert_prefix(text: &str) -> Option<usize> {
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
                _ => return Some(i),
            },
            0xD9 => match b.get(i + 1) {
                Some(0x81..=0x8A | 0xA0..=0xAD) => 2,
                _ => return Some(i),
            },
            // « U+00AB, » U+00BB.
            0xC2 => match b.get(i + 1) {
                Some(0xAB | 0xBB) => 2,
                _ => return Some(i),
            },
            // – U+2013, — U+2014, “ U+201C, ” U+201D: E2 80 93/94/9C/9D.
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0x93 | 0x94 | 0x9C | 0x9D)) => 3,
                _ => return Some(i),
            },
            _ => return Some(i),
        };
        i += step;
    }
    None
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
        match c {
            // The ASCII whitespace of `char::is_whitespace` (vertical tab included).
            '\t'..='\r' | ' ' => space = !out.is_empty(),
            c if c.is_ascii() => put_word_char(c.to_ascii_lowercase(), &mut out, &mut space),
            // Arabic letters that folding keeps as they are (no case, not a mark, never
            // whitespace: no Unicode table lookup).
            '\u{0621}'
            | '\u{0624}'
            | '\u{0626}'..='\u{0628}'
            | '\u{062A}'..='\u{063A}'
            | '\u{0641}'..='\u{0648}'
            | '\u{064A}' => put_word_char(c, &mut out, &mut space),
            c => {
                one.clear();
                fold_char(c, &mut one);
                for f in one.chars() {
                    if f.is_whitespace() {
                        space = !out.is_empty();
                    } else {
                        put_word_char(f, &mut out, &mut space);
                    }
                }
            }
        }
        if out.len() > limit {
            return None;
        }
    }
    Some(out)
}

/// Appends a character that is not whitespace to a key, after the space a run of whitespace
/// before it left pending.
fn put_word_char(f: char, out: &mut String, space: &mut bool) {
    if *space {
        out.push(' ');
        *space = false;
    }
    out.push(f);
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
        let inert = is_inert_char;
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
    fn display_is_nfkc_of_every_character_in_context() {
        let mut all: Vec<char> = (0..0x3000u32).filter_map(char::from_u32).collect();
        all.extend(['\u{FB50}', '\u{FEFB}', '\u{FF21}', '\u{1D400}']);
        for c in all {
            for text in [
                format!("{c}"),
                format!("e{c}"),
                format!("قال{c}ا"),
                format!("abc \u{0627}{c}\u{0654}"),
                format!("{c}\u{0301}x"),
                format!("a{c}b {c}\u{0301} ق{c}\u{0654}{c}{c} x\u{00A0}{c}"),
                format!("\u{0301}{c}\u{FEFB}e\u{0301}{c}"),
            ] {
                let nfkc: String = text.nfkc().collect();
                assert_eq!(display(&text), nfkc, "{:?}", text);
            }
        }
    }

    #[test]
    fn fold_words_folds_every_character_as_fold_does() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            let key = fold(&text).split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_words(&text, usize::MAX), Some(key), "{:?}", text);
        }
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
