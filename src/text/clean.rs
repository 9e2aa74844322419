//! Clean: keep the story, drop the page around it.
//!
//! Contract: [`clean`] takes an article's raw text and returns its display-form (NFKC)
//! paragraphs without page furniture, with the headline taken out (and every repeat of it
//! dropped), the dateline stripped from the lead, and hard-wrapped wire lines joined back into
//! paragraphs. It only removes or joins text, never rewrites it (but for reading the wire
//! codes `&AMP;` and `&MD;` as the `&` and `—` they stand for), so every sentence cut from a
//! paragraph still stands, up to whitespace, in the input.
//!
//! The rules, in order:
//! 1. Display form (NFKC), line ends unified, invisible format characters (zero-width space,
//!    byte-order mark, soft hyphen) and control characters removed; the typesetting codes of
//!    wire copy (`&QL;`, `&UR;`, see [`crate::text::typesetting`]) become the line breaks (or
//!    characters) they stand for.
//! 2. Page furniture: a line matching a `[line]` pattern of `resources/boilerplate/*.txt` is
//!    dropped; a line matching a `[tail]` pattern in the second half of the article ends it
//!    (comment forms, related-article lists). Patterns match the whole folded line, and only
//!    lines of at most [`MAX_FURNITURE_CHARS`] characters are tested. A short line
//!    (at most [`CAPTION_WORDS`] words) ending in a colon introduces something the text does
//!    not carry (a video, a form, `آخر تحديث:`), and is dropped too.
//! 3. Paragraphs: when most lines are 40–90 characters long the text is hard-wrapped wire copy
//!    and lines are joined, a new paragraph starting at a blank or indented line or after a
//!    short line that ends a sentence; otherwise every line is a paragraph.
//! 4. Title, by layout ([`crate::text::headline`]): date lines and bylines before the first
//!    paragraph or right after it are taken out (the first date line's day becomes the
//!    article's date when the input gave none); then a first paragraph of at most
//!    [`TITLE_WORDS`] words is the printed headline when it ends without sentence punctuation,
//!    or is followed by a date line or byline, or stands alone before a blank line while the
//!    body's lines are not blank-separated, or is repeated in the article; a final full stop
//!    does not make it a sentence. The title is the one given by the input (JSONL `title`),
//!    else the printed one. Paragraphs equal (folded) to either are dropped.
//! 5. Dateline: the first matching `[prefix]` of `resources/datelines/*.txt` at the start of one
//!    of the first two paragraphs is stripped (once per article). A single Arabic word before a
//!    dash must be a place or outlet (listed in `[places]`, or carrying the article `ال`), so
//!    a sentence's opening verb (`وصل - ...`) stays.
//! 6. Headings: other short paragraphs without final punctuation are kept but marked, so that
//!    they count as text but are not offered to the briefing.

use crate::text::normalize::is_arabic_letter;
use crate::text::normalize::{display, fold_words};
use crate::text::resources::{Script, boilerplate, datelines};

/// A caption or label line ending in a colon has at most this many words.
pub const CAPTION_WORDS: usize = 12;
/// Only lines up to this many characters are tested against the furniture patterns (furniture
/// is short; the patterns may use unbounded repeats, which keeps them cheap to compile).
pub const MAX_FURNITURE_CHARS: usize = 300;
/// A headline has at most this many words.
pub const TITLE_WORDS: usize = 25;
/// A heading inside the article has at most this many words.
pub const HEADING_WORDS: usize = 15;

/// One paragraph of cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Display-form text of the paragraph, on one line.
    pub text: String,
    /// A short line without final punctuation inside the article (a sub-heading).
    pub heading: bool,
}

/// An article after cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The headline, if one was given or recognised.
    pub title: Option<String>,
    /// The day of a date line around the headline (`YYYY-MM-DD`), if one was printed.
    pub date: Option<String>,
    /// The story's paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// True when the text ends like a sentence: `. ! ? ؟ …`, or the full stops of other scripts
/// (`۔` Urdu, `。！？．` CJK, `। ॥` Devanagari, `።` Ethiopic, `։` Armenian), possibly followed
/// by closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '」' | '』' | '）'
            )
    });
    t.ends_with([
        '.', '!', '?', '؟', '…', '۔', '。', '！', '？', '．', '｡', '।', '॥', '።', '։',
    ])
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Folded, whitespace-collapsed key used to compare lines.
fn line_key(s: &str) -> String {
    fold_words(s, usize::MAX).unwrap_or_default()
}

/// True when [`tidy`] would change the display text: it holds a control character (other
/// than a newline or tab, `\r` among them) or one of the invisible characters it drops.
/// Tested on the UTF-8 bytes: U+0080-U+009F and U+00AD are `C2 80-9F` and `C2 AD`, U+200B
/// is `E2 80 8B`, U+2060 `E2 81 A0`, U+FEFF `EF BB BF`.
fn needs_tidy(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' | b'\t' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F | 0xAD)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8B)) | (Some(0x81), Some(0xA0))
        ),
        0xEF => matches!((b.get(i + 1), b.get(i + 2)), (Some(0xBB), Some(0xBF))),
        _ => false,
    })
}

fn tidy(raw: &str) -> String {
    let text = display(raw);
    // Typesetting codes first: the line breaks they become are what the rest reads.
    let text = match crate::text::typesetting::decode(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(decoded) => decoded,
    };
    if !needs_tidy(&text) {
        return text;
    }
    tidy_chars(&text)
}

/// Rule 1's character pass: line ends unified, invisible characters dropped, control
/// characters made spaces ([`tidy`] skips it when [`needs_tidy`] finds nothing to change).
fn tidy_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The script of the first letter of a text, if it has one.
fn script_of(text: &str) -> Option<Script> {
    text.chars().find(|c| c.is_alphabetic()).map(|c| {
        if is_arabic_letter(c) {
            Script::Arabic
        } else {
            Script::Latin
        }
    })
}

/// The script most letters of a text are written in.
fn dominant_script(text: &str) -> Script {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars() {
        // ASCII first, then Arabic: `is_alphabetic` is a slow table lookup outside ASCII.
        if c.is_ascii() {
            other += usize::from(c.is_ascii_alphabetic());
        } else if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    if arabic > other {
        Script::Arabic
    } else {
        Script::Latin
    }
}

/// The scripts the first articles of a batch are mostly written in (each judged on its first
/// 2 KB), for [`crate::text::resources::prepare`]: a guess at which pattern sets cleaning
/// will need, never a condition of the result (a set not guessed is compiled on first use).
pub fn scripts_of<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<Script> {
    const SAMPLE: usize = 2048;
    const ARTICLES: usize = 16;
    let mut scripts = Vec::with_capacity(2);
    for text in texts.take(ARTICLES) {
        let head = &text[..text.floor_char_boundary(SAMPLE)];
        let script = dominant_script(head);
        if !scripts.contains(&script) {
            scripts.push(script);
        }
    }
    scripts
}

/// Drops furniture lines; returns the kept lines (blank lines kept as paragraph breaks). A line
/// is tested against the patterns of its own script (of the article's, when it has no letter).
fn drop_furniture(text: &str, dominant: Script) -> Vec<&str> {
    let total = text.len().max(1);
    let mut kept = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let at = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            kept.push("");
            continue;
        }
        if trimmed.len() > MAX_FURNITURE_CHARS * 4 || trimmed.chars().count() > MAX_FURNITURE_CHARS
        {
            kept.push(line);
            continue;
        }
        let key = line_key(trimmed);
        let bp = boilerplate(script_of(trimmed).unwrap_or(dominant));
        if at * 2 >= total && bp.tail.is_match(&key) {
            break;
        }
        if bp.line.is_match(&key) {
            continue;
        }
        if trimmed.ends_with([':', '：']) && word_count(trimmed) <= CAPTION_WORDS {
            continue;
        }
        kept.push(line);
    }
    kept
}

/// True when most non-blank lines look like fixed-width wire copy.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let lens: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().chars().count())
        .collect();
    if lens.len() < 4 || lens.iter().any(|&n| n > 120) {
        return false;
    }
    let wrapped = lens.iter().filter(|&&n| (40..=90).contains(&n)).count();
    wrapped * 10 >= lens.len() * 6
}

fn paragraphs_of(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !is_hard_wrapped(lines) {
        for l in lines {
            let t = l.trim();
            if !t.is_empty() {
                out.push(t.to_owned());
            }
        }
        return out;
    }
    let width = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut current = String::new();
    let mut prev_short_end = false;
    for l in lines {
        let t = l.trim();
        let indented = l.starts_with([' ', '\t']);
        if (t.is_empty() || indented || prev_short_end) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if t.is_empty() {
            prev_short_end = false;
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(t);
        prev_short_end = t.chars().count() * 3 < width * 2 && ends_sentence(t);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Takes the date lines and bylines around the first paragraph out of `paras` (those before
/// it and those right after it), and decides whether the first paragraph is the printed
/// headline by its layout ([`crate::text::headline::is_title`]); if so, takes it out too. Returns
/// the headline and the day of the first date line.
fn take_headline(
    paras: &mut Vec<String>,
    layout: crate::text::headline::FirstLine,
    given: Option<&str>,
) -> (Option<String>, Option<String>) {
    use crate::text::headline::{date_of, is_byline, is_date_line};
    let credit = |p: &str| {
        word_count(p) <= crate::text::headline::DATE_LINE_WORDS && (is_date_line(p) || is_byline(p))
    };
    let mut date = layout.date.clone();
    let mut credit_follows = false;
    let mut i = 0;
    while i < paras.len().min(4) && paras.len() > 1 {
        if credit(&paras[i]) {
            date = date.or_else(|| date_of(&paras[i]));
            credit_follows |= i == 1;
            paras.remove(i);
        } else if i == 0 {
            i = 1;
        } else {
            break;
        }
    }
    if paras.len() < 2 {
        return (None, date);
    }
    let key = line_key(&paras[0]);
    // Each paragraph's key only as far as it can still equal the first's.
    let same_key = |p: &str| fold_words(p, key.len()).is_some_and(|k| k == key);
    let repeated = given.is_some_and(same_key) || paras[1..].iter().any(|p| same_key(p));
    // The layout of the raw first line counts when it is this paragraph. A short first line
    // before a blank line and a paragraph at least twice as long is a title too, unless it
    // opens with a dateline (wire copy whose every paragraph is blank-separated:
    // `HOLLYWOOD _ ...`).
    let same = line_key(&layout.text) == key;
    credit_follows |= same && layout.credit_follows;
    let words = word_count(&paras[0]);
    let set_apart = same
        && (layout.set_apart
            || (layout.blank_after
                && words <= crate::text::headline::SHORT_TITLE_WORDS
                && word_count(&paras[1]) >= 2 * words
                && strip_dateline(&paras[0]).is_none()));
    let title = crate::text::headline::is_title(
        &paras[0],
        credit_follows,
        set_apart,
        repeated,
        TITLE_WORDS,
    )
    .then(|| paras.remove(0));
    (title, date)
}

/// True when a folded word can be the place (or outlet) of a one-word dateline: a listed place
/// or outlet, or a word with the article `ال` that is not a listed non-place. Any other first
/// word before a dash is a sentence's own (`وصل - ...`, "arrived - ...").
fn is_town(key: &str, d: &crate::text::resources::Datelines) -> bool {
    if d.not_places.contains(key) {
        return false;
    }
    d.places.contains(key) || (key.starts_with("ال") && key.chars().count() > 3)
}

/// Strips a dateline from the start of a paragraph, if one is there (patterns of the script of
/// the paragraph's first letter).
pub fn strip_dateline(p: &str) -> Option<&str> {
    let d = datelines(script_of(p)?);
    for re in &d.prefix {
        let Some(c) = re.captures(p) else { continue };
        if let Some(place) = c.place {
            let key = line_key(place);
            if key.split(' ').any(|w| d.not_places.contains(w)) {
                continue;
            }
        }
        if let Some(town) = c.town
            && !is_town(&line_key(town), d)
        {
            continue;
        }
        let rest = p[c.end..].trim_start();
        if rest.is_empty() {
            continue;
        }
        return Some(rest);
    }
    None
}

/// Cleans one article. `given_title` is a headline supplied by the input (JSONL `title`).
pub fn clean(raw: &str, given_title: Option<&str>) -> Cleaned {
    let text = tidy(raw);
    let lines = drop_furniture(&text, dominant_script(&text));
    let layout = crate::text::headline::first_line(&text.split('\n').collect::<Vec<_>>());
    let mut paras = paragraphs_of(&lines);

    let given = given_title
        .map(|t| display(t).trim().to_owned())
        .filter(|t| !t.is_empty());
    let mut keys: Vec<String> = given.iter().map(|t| line_key(t)).collect();
    let (printed, date) = take_headline(&mut paras, layout, given.as_deref());
    keys.extend(printed.iter().map(|t| line_key(t)));
    // A paragraph whose key would be longer than every key is none of them: its key is
    // not finished.
    let longest = keys.iter().map(String::len).max();
    if let Some(longest) = longest {
        paras.retain(|p| fold_words(p, longest).is_none_or(|k| !keys.contains(&k)));
    }
    let title = given.or(printed);

    for p in paras.iter_mut().take(2) {
        if let Some(rest) = strip_dateline(p) {
            *p = rest.to_owned();
            break;
        }
    }
    paras.retain(|p| !p.trim().is_empty());

    let paragraphs = paras
        .into_iter()
        .map(|text| Paragraph {
            heading: !ends_sentence(&text) && text.split_whitespace().nth(HEADING_WORDS).is_none(),
            text,
        })
        .collect();
    Cleaned {
        title,
        date,
        paragraphs,
    }
}

#[cfg(test)]
mod tests;
