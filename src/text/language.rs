//! Language: which analyzer reads an article.
//!
//! Contract: [`detect_language`] names the language of a text from its first
//! [`LANGUAGE_SAMPLE`] characters: Arabic, English, or another language (read without
//! stemming or stop words). `whatlang` decides, falling back to the dominant script when it
//! is unsure. Before it, two tests let the letters decide where whatlang's answer is not in
//! doubt, because its trigram scoring (over every language of the script, some 50 for the
//! Latin script) costs about 0.1 ms an article, the largest part of reading small files:
//! - **Arabic**: at least [`LETTERS`] letters, nearly all of the Arabic script, none of the
//!   letters that only Persian, Urdu and the other languages written in it use (پ چ ژ گ ک ی
//!   ٹ ڈ ڑ ں ے ھ ہ), and Arabic's own ة or ي;
//! - **English**: at least [`LETTERS`] letters, nearly all Latin, and English function words
//!   no other Latin-script language writes ([`ENGLISH_WORDS`]: `the`, `which`, `said`, ...)
//!   making at least one word in [`ENGLISH_SHARE`] (English prose runs to one in six or more).
//!
//! Anything else goes to whatlang. On the development sets and SaudiNewsNet both tests agree
//! with whatlang on every article (the outputs are byte-identical with and without them).

use crate::config::Language;
use crate::text::normalize::is_arabic_letter;

/// Characters of an article read to detect its language: enough for a reliable trigram
/// profile (whatlang's own accuracy figures level off well below this).
pub const LANGUAGE_SAMPLE: usize = 400;
/// Letters a sample needs before its letters alone may decide.
pub const LETTERS: usize = 60;
/// Words that are English and no other Latin-script language's words (`was`, `is`, `of`,
/// `to`, `for` and `will` are also Dutch, German, Czech or Danish, so they are not here).
pub const ENGLISH_WORDS: [&str; 20] = [
    "the", "that", "with", "said", "from", "which", "this", "were", "have", "has", "been", "their",
    "they", "would", "there", "about", "after", "also", "who", "into",
];
/// At least one word in this many is one of [`ENGLISH_WORDS`] for the English test.
pub const ENGLISH_SHARE: usize = 12;

/// Letters only the other languages written in the Arabic script use.
fn persian_or_urdu(c: char) -> bool {
    matches!(
        c,
        '\u{067E}' // پ
            | '\u{0686}' // چ
            | '\u{0698}' // ژ
            | '\u{06AF}' // گ
            | '\u{06A9}' // ک
            | '\u{06CC}' // ی
            | '\u{0679}' // ٹ
            | '\u{0688}' // ڈ
            | '\u{0691}' // ڑ
            | '\u{06BA}' // ں
            | '\u{06D2}' // ے
            | '\u{06BE}' // ھ
            | '\u{06C1}' // ہ
    )
}

/// The language the sample's letters decide without doubt (see the module docs), if any.
fn decided_by_letters(sample: &str) -> Option<Language> {
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    let (mut arabic_own, mut foreign) = (false, false);
    for c in sample.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_arabic_letter(c) {
            arabic += 1;
            arabic_own |= matches!(c, '\u{0629}' | '\u{064A}');
            foreign |= persian_or_urdu(c);
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    let letters = arabic + latin + other;
    if letters < LETTERS {
        return None;
    }
    if arabic * 20 >= letters * 19 {
        return (arabic_own && !foreign).then_some(Language::Arabic);
    }
    if latin * 20 >= letters * 19 {
        let (mut words, mut english) = (0usize, 0usize);
        for w in sample
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            english += usize::from(
                w.len() <= 5 && ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w)),
            );
        }
        return (english >= 3 && english * ENGLISH_SHARE >= words).then_some(Language::English);
    }
    None
}

/// The language of a text (its first [`LANGUAGE_SAMPLE`] characters): the letters when they
/// decide it, else whatlang when it is reliable, else the dominant script.
pub fn detect_language(text: &str) -> Language {
    let sample: String = text.chars().take(LANGUAGE_SAMPLE).collect();
    if let Some(language) = decided_by_letters(&sample) {
        return language;
    }
    by_trigrams(&sample)
}

/// whatlang's answer when it is reliable, else the dominant script.
fn by_trigrams(sample: &str) -> Language {
    if let Some(info) = whatlang::detect(sample)
        && (info.is_reliable() || info.confidence() > 0.5)
    {
        return match info.lang() {
            whatlang::Lang::Ara => Language::Arabic,
            whatlang::Lang::Eng => Language::English,
            _ => Language::Other,
        };
    }
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in sample.chars() {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        Language::Other
    } else if arabic >= latin {
        Language::Arabic
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "بحث وزير الخارجية ابراهيم الجعفري مع مبعوث الرئيس الأميركي ومنسق \
                          التحالف الدولي لمحاربة تنظيم داعش مجمل الاوضاع الامنية في العراق";
    const ENGLISH: &str = "The storm closed the harbour bridge on Tuesday morning, and the \
                           council said that it would stay shut until engineers have been \
                           able to inspect the cables.";
    const PERSIAN: &str = "وزیر امور خارجه ایران گفت که گفتگوها با کشورهای همسایه درباره \
                           امنیت منطقه ادامه خواهد داشت و نتایج آن به زودی اعلام می شود";
    const FRENCH: &str = "Le ministre a déclaré mardi que le pont du port resterait fermé \
                          jusqu'à ce que les ingénieurs aient pu inspecter les câbles.";
    const GERMAN: &str = "Der Minister sagte am Dienstag, dass die Brücke am Hafen geschlossen \
                          bleibt, bis die Ingenieure die Seile prüfen konnten, was dauert.";

    #[test]
    fn languages_detected() {
        assert_eq!(detect_language(ARABIC), Language::Arabic);
        assert_eq!(detect_language(ENGLISH), Language::English);
        assert_eq!(detect_language(PERSIAN), Language::Other);
        assert_eq!(detect_language(FRENCH), Language::Other);
        assert_eq!(detect_language(GERMAN), Language::Other);
    }

    #[test]
    fn letters_decide_only_where_whatlang_agrees() {
        assert_eq!(decided_by_letters(ARABIC), Some(Language::Arabic));
        assert_eq!(by_trigrams(ARABIC), Language::Arabic);
        assert_eq!(decided_by_letters(ENGLISH), Some(Language::English));
        assert_eq!(by_trigrams(ENGLISH), Language::English);
        for other in [PERSIAN, FRENCH, GERMAN] {
            assert_eq!(decided_by_letters(other), None, "{other}");
        }
    }

    #[test]
    fn short_or_mixed_samples_go_to_whatlang() {
        // Too few letters, a mixed script, English words too rare: no decision by letters.
        assert_eq!(decided_by_letters("The bridge is shut."), None);
        assert_eq!(decided_by_letters(&format!("{ARABIC} {ENGLISH}")), None);
        let rare = "Harbour bridge council engineers cables storm ferry commuters budget \
                    contract inspection report officials police traffic week river the city";
        assert_eq!(decided_by_letters(rare), None);
    }

    /// On the development data (when `../shared/data` is there; skipped otherwise), the
    /// letters decide only where whatlang gives the same answer.
    #[test]
    fn letters_agree_with_whatlang_on_the_development_data() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        let mut files = Vec::new();
        for sub in ["bbc-fulltext", "easc/Articles", "easc/Summaries"] {
            for entry in walkdir::WalkDir::new(root.join(sub)).sort_by_file_name() {
                let Ok(entry) = entry else { continue };
                if entry.path().extension().is_some_and(|e| e == "txt") {
                    files.push(entry.into_path());
                }
            }
        }
        if files.is_empty() {
            eprintln!("skipped: no development data at {}", root.display());
            return;
        }
        let (mut decided, mut read) = (0, 0);
        for f in &files {
            let Ok(bytes) = std::fs::read(f) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let sample: String = text.chars().take(LANGUAGE_SAMPLE).collect();
            read += 1;
            if let Some(l) = decided_by_letters(&sample) {
                decided += 1;
                assert_eq!(l, by_trigrams(&sample), "{}", f.display());
            }
        }
        eprintln!("the letters decided {decided} of {read} samples");
        assert!(
            decided * 2 > read,
            "the letters decided {decided} of {read}"
        );
    }
}
