//! Tokenize: sentence text -> index terms.
//!
//! Contract: an [`Analyzer`] turns display text into terms that are folded (see `normalize`),
//! stop-word-free and stemmed. Words are maximal runs of letters, digits and Arabic marks;
//! terms shorter than two characters are dropped. Stop words are the `stop-words` crate's ISO
//! list for the language plus `resources/stopwords/<lang>.txt`, all folded the same way as the
//! text, and are removed before stemming. Stemming is Snowball (Porter2 for English, the
//! Snowball Arabic stemmer for Arabic); the Arabic stemmer sees the word before folding (it
//! normalises hamza forms and strips marks and clitics itself) and its stem is folded after.
//! Folded terms never reach the output.
//!
//! [`detect_language`] (from [`crate::text::language`]) names a document's language.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::config::Language;
use crate::text::normalize::{fold, is_arabic_letter, is_arabic_mark};
use crate::text::resources::{STOPWORDS_AR, STOPWORDS_EN, entries};

fn stop_set(code: &str, extra: &str) -> HashSet<String> {
    stop_words::get(code)
        .iter()
        .copied()
        .chain(entries(extra).map(|(_, w)| w))
        .map(fold)
        .collect()
}

static STOP_AR: LazyLock<HashSet<String>> = LazyLock::new(|| stop_set("ar", STOPWORDS_AR));
static STOP_EN: LazyLock<HashSet<String>> = LazyLock::new(|| stop_set("en", STOPWORDS_EN));

/// Turns text into terms for one language.
pub struct Analyzer {
    language: Language,
    stemmer: Option<Stemmer>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .finish()
    }
}

impl Analyzer {
    /// An analyzer for one language.
    pub fn new(language: Language) -> Self {
        let stemmer = match language {
            Language::Arabic => Some(Stemmer::create(Algorithm::Arabic)),
            Language::English => Some(Stemmer::create(Algorithm::English)),
            Language::Other => None,
        };
        Analyzer { language, stemmer }
    }

    /// True when the folded word is a stop word for this analyzer's language.
    pub fn is_stop(&self, folded: &str) -> bool {
        match self.language {
            Language::Arabic => STOP_AR.contains(folded),
            Language::English => STOP_EN.contains(folded),
            Language::Other => STOP_AR.contains(folded) || STOP_EN.contains(folded),
        }
    }

    /// The terms of a text, in order, repeats kept.
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text).filter_map(|w| self.term(w)).collect()
    }

    /// The term of one word (from [`words`]), or `None` for a stop word or a word too short
    /// to say anything. A pure function of the word, so callers may memoize it.
    pub fn term(&self, word: &str) -> Option<String> {
        let folded = fold(word);
        if folded.chars().count() < 2 || self.is_stop(&folded) {
            return None;
        }
        let term = match (&self.stemmer, self.language) {
            (Some(s), Language::Arabic) => fold(&s.stem(word)),
            (Some(s), _) => s.stem(&folded).into_owned(),
            (None, _) => folded,
        };
        (term.chars().count() >= 2).then_some(term)
    }
}

/// One [`Analyzer`] per [`Language`], built once per run.
pub struct Analyzers([Analyzer; 3]);

impl Default for Analyzers {
    fn default() -> Self {
        Analyzers([
            Analyzer::new(Language::Arabic),
            Analyzer::new(Language::English),
            Analyzer::new(Language::Other),
        ])
    }
}

impl Analyzers {
    /// The analyzer of a language.
    pub fn get(&self, language: Language) -> &Analyzer {
        &self.0[slot(language)]
    }
}

/// The place of a language in the arrays kept per language (analyzers, memo maps).
fn slot(language: Language) -> usize {
    match language {
        Language::Arabic => 0,
        Language::English => 1,
        Language::Other => 2,
    }
}

/// A memo of terms for one task: each distinct `(language, word)` is analysed once and its
/// term (or `None`) mapped by `map`, so a task's repeated words cost a hash lookup instead of
/// a fold and a stem (stemming is most of the cost, and the words of news repeat). The terms
/// are the same as [`Analyzer::term`] word by word.
///
/// A word is keyed by its XXH3-64 hash, as terms are everywhere else, in a map of its
/// language's own: the memo holds no key strings to compare (reading each key's bytes where
/// its word first appeared was most of a lookup's cost: a cache miss per word). Two distinct
/// words of one task and language with one hash would share a term, as two terms with one
/// hash already do. (A seed is no way to tell the languages apart: on short words XXH3 folds
/// the seed into the input, so `157` under one seed is `150` under the next.)
pub struct TermMemo<'a, T, F> {
    analyzers: &'a Analyzers,
    map: F,
    memo: [HashMap<u64, Option<T>, BuildHasherDefault<PassThrough>>; 3],
}

/// A hasher for keys that are already uniform 64-bit hashes (of words, of terms): it passes
/// them through. Only for lookups: no output depends on a map's iteration order.
#[derive(Default, Clone, Copy, Debug)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl<'a, T: Clone, F: Fn(String) -> T> TermMemo<'a, T, F> {
    /// An empty memo over `analyzers`, keeping `map(term)` for each term.
    pub fn new(analyzers: &'a Analyzers, map: F) -> Self {
        TermMemo {
            analyzers,
            map,
            memo: Default::default(),
        }
    }

    /// The (mapped) term of `word` in `language`, as [`Analyzer::term`] gives it.
    pub fn term(&mut self, language: Language, word: &str) -> Option<T> {
        let TermMemo {
            analyzers,
            map,
            memo,
        } = self;
        let key = twox_hash::XxHash3_64::oneshot(word.as_bytes());
        memo[slot(language)]
            .entry(key)
            .or_insert_with(|| analyzers.get(language).term(word).map(map))
            .clone()
    }
}

/// Maximal runs of letters, digits, Arabic marks and zero-width (non-)joiners (which `fold`
/// then drops, so `wo\u{200D}rd` is the term of `word`).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    // ASCII and Arabic first: `is_alphanumeric` is a slow table lookup outside ASCII.
    text.split(|c: char| {
        !(c.is_ascii_alphanumeric()
            || is_arabic_letter(c)
            || is_arabic_mark(c)
            || matches!(c, '\u{200C}' | '\u{200D}')
            || (!c.is_ascii() && c.is_alphanumeric()))
    })
    .filter(|w| !w.is_empty())
}

pub use crate::text::language::{LANGUAGE_SAMPLE, detect_language};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_a_term_memo_keeps_the_languages_apart_on_short_words() {
        // Keyed by XXH3 seeded with the language, English `157` was Arabic `150` (on short
        // input XXH3 folds the seed into the bytes), and the mixed story pile moved.
        let analyzers = Analyzers::default();
        let mut memo = TermMemo::new(&analyzers, |t| t);
        let words = ["150", "157", "103", "104", "Ind", "inc", "ab", "ac"];
        for _ in 0..2 {
            for language in [Language::Arabic, Language::English, Language::Other] {
                for w in words {
                    let a = analyzers.get(language).term(w);
                    assert_eq!(memo.term(language, w), a, "{language:?} {w}");
                }
            }
        }
    }

    #[test]
    fn a_term_memo_gives_the_analyzers_terms_once_per_distinct_word() {
        let analyzers = Analyzers::default();
        let text = "The ministers met; the ministers said \u{0627}\u{0644}\u{0648}\u{0632}\u{0631}\u{0627}\u{0621} met";
        let mut memo = TermMemo::new(&analyzers, |t| t);
        let mut hashed = TermMemo::new(&analyzers, |t: String| t.len());
        for language in [Language::English, Language::Arabic] {
            let a = analyzers.get(language);
            for w in words(text) {
                assert_eq!(memo.term(language, w), a.term(w), "{language:?} {w}");
                assert_eq!(hashed.term(language, w), a.term(w).map(|t| t.len()));
            }
        }
        // "The", "ministers", "met", "the", "said" and the Arabic word, in two languages.
        assert_eq!(memo.memo.iter().map(HashMap::len).sum::<usize>(), 12);
        assert_eq!(
            memo.term(Language::English, "ministers").as_deref(),
            Some("minist")
        );
        assert_eq!(memo.term(Language::English, "the"), None);
    }

    #[test]
    fn english_terms_are_stemmed_and_stopped() {
        let a = Analyzer::new(Language::English);
        assert_eq!(
            a.terms("The Ministers were meeting, and said so."),
            vec!["minist", "meet"]
        );
    }

    #[test]
    fn arabic_terms_fold_and_stem() {
        let a = Analyzer::new(Language::Arabic);
        let t1 = a.terms("الإرهابيّة");
        let t2 = a.terms("الارهابية");
        assert_eq!(t1, t2);
        assert!(!t1.is_empty());
        // stop words (with clitics) removed
        assert!(a.terms("وذلك والتي في من").is_empty());
    }

    #[test]
    fn arabic_marks_do_not_split_words() {
        assert_eq!(
            words("تقدُّماً كبيراً").collect::<Vec<_>>(),
            vec!["تقدُّماً", "كبيراً"]
        );
    }
}
