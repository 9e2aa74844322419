//! Typesetting codes of news-wire copy, read as the layout they stand for.
//!
//! Wire services that descend from ANPA-1312 transmission (newspaper syndicates,
//! AP and others, as archived in the LDC news corpora) put typesetting commands into the text
//! as entity-like codes: `&QL;`, `&QC;`, `&QR;` (quad left, centre, right: end the line),
//! `&UR;` and `&LR;` (upper and lower rail: switch the font, at the start of a field), `&HT;`
//! (a tab), `&Cx13;` and the like (channel codes), `&MD;` (an em dash) and `&AMP;` (an
//! ampersand). Read as text they become words (`QL`, `UR`) that link unrelated articles and
//! sentences such as `&QL;` that a briefing could pick. [`decode`] turns the line codes into
//! line breaks (so the editor's notes, credits and slugs they separate are lines that the
//! furniture rules see), `&MD;` into `—` and `&AMP;` into `&`.
//!
//! Only the codes above are read: two capital letters (`&QL;`; not the HTML entities `&LT;`
//! and `&GT;`, which stay as written), `&Cx` with a hexadecimal channel, `&MD;` and `&AMP;`.
//! Lower-case HTML entities (`&amp;`) in plain text are not this module's business.

use std::borrow::Cow;

/// What a code stands for.
enum Code {
    /// The end of a line (or field).
    Line,
    /// A character.
    Char(char),
}

/// The code spelled by `name` (between `&` and `;`), if it is one.
fn code(name: &[u8]) -> Option<Code> {
    match name {
        b"AMP" => Some(Code::Char('&')),
        b"MD" => Some(Code::Char('—')),
        b"LT" | b"GT" => None,
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(Code::Line),
        [b'C', b'x', hex @ ..] if (1..=2).contains(&hex.len()) => {
            hex.iter().all(u8::is_ascii_hexdigit).then_some(Code::Line)
        }
        _ => None,
    }
}

/// The text with its typesetting codes read (see the module docs); borrowed when it has none.
/// Spaces around a line code go with it, so no line starts or ends with them.
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = text[i..].find('&').map(|k| i + k) {
        let name_end = bytes[at + 1..]
            .iter()
            .take(5)
            .position(|&b| b == b';')
            .map(|k| at + 1 + k);
        let Some(end) = name_end else {
            i = at + 1;
            continue;
        };
        let Some(c) = code(&bytes[at + 1..end]) else {
            i = at + 1;
            continue;
        };
        match c {
            Code::Char(ch) => {
                out.push_str(&text[copied..at]);
                out.push(ch);
                copied = end + 1;
            }
            Code::Line => {
                out.push_str(text[copied..at].trim_end_matches([' ', '\t']));
                out.push('\n');
                copied = end
                    + 1
                    + (text[end + 1..].len()
                        - text[end + 1..].trim_start_matches([' ', '\t']).len());
            }
        }
        i = copied;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_codes_end_lines_and_take_their_spaces() {
        assert_eq!(
            decode("NATIONAL FORECAST &QL;\nInclement weather."),
            "NATIONAL FORECAST\n\nInclement weather."
        );
        assert_eq!(
            decode(
                "&UR; AP Photo &UR; By JANE ROWE &QC; &UR; Staff Correspondent &QC; PORTHAVEN (AP) _ A winter storm"
            ),
            "\nAP Photo\nBy JANE ROWE\n\nStaff Correspondent\nPORTHAVEN (AP) _ A winter storm"
        );
        assert_eq!(
            decode("x z &Cx13;  &Cx11;  BC-HARBOR &LR;"),
            "x z\n\nBC-HARBOR\n"
        );
        assert_eq!(decode(" &HT;    By JOHN DOE"), "\nBy JOHN DOE");
    }

    #[test]
    fn character_codes_become_their_characters() {
        assert_eq!(decode("AT&AMP;T said&MD;again"), "AT&T said—again");
    }

    #[test]
    fn other_ampersands_are_kept_as_written() {
        for s in [
            "Procter & Gamble",
            "a &lt; b &amp; c",
            "x &LT; y &GT; z",
            "&Q;",
            "&QLX;",
            "&Cx1Z;",
            "&QL",
            "tail &",
            "ليس & QL;",
        ] {
            assert!(matches!(decode(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn multibyte_text_around_codes_is_kept() {
        assert_eq!(decode("قال &QL; ثم"), "قال\nثم");
        assert_eq!(decode("é&AMP;ü"), "é&ü");
    }
}
