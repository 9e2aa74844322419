//! Language data compiled into the binary from `resources/` (see `resources/README.md` for the
//! origin of every list). No file is read at run time and nothing is ever downloaded.
//!
//! Contract: every list is parsed once, on first use, into the structures below. The files are
//! plain text: `#` starts a comment line, blank lines are ignored, and a line `[name]` starts a
//! section. A pattern that does not compile is a bug in the shipped data, caught by the unit
//! tests of this module.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures, pikevm, pikevm::PikeVM};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};

use crate::text::normalize::{fold, fold_arabic};

const BOILERPLATE_AR: &str = include_str!("../../resources/boilerplate/ar.txt");
const BOILERPLATE_EN: &str = include_str!("../../resources/boilerplate/en.txt");
const DATELINES_AR: &str = include_str!("../../resources/datelines/ar.txt");
/// The HTML page template of `--format html` (minijinja).
pub const TEMPLATE_HTML: &str = include_str!("../../resources/templates/briefing.html");
const LABELS: &str = include_str!("../../resources/templates/labels.txt");

/// The HTML page's own words for a page language (`resources/templates/labels.txt`): key ->
/// label, English unless the page is Arabic.
pub fn labels(arabic: bool) -> std::collections::BTreeMap<&'static str, &'static str> {
    LABELS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let key = parts.next()?;
            let en = parts.next()?;
            let ar = parts.next().unwrap_or(en);
            Some((key, if arabic { ar } else { en }))
        })
        .collect()
}
const DATELINES_EN: &str = include_str!("../../resources/datelines/en.txt");
const ABBREVIATIONS: [&str; 2] = [
    include_str!("../../resources/abbreviations/ar.txt"),
    include_str!("../../resources/abbreviations/en.txt"),
];
/// Extra Arabic stop words (folded), on top of the `stop-words` crate's list.
pub const STOPWORDS_AR: &str = include_str!("../../resources/stopwords/ar.txt");
/// Extra English stop words (lower case), on top of the `stop-words` crate's list.
pub const STOPWORDS_EN: &str = include_str!("../../resources/stopwords/en.txt");

/// Yields `(section, line)` for every content line of a resource file.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    text.lines().filter_map(move |raw| {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if line.starts_with('[') && line.ends_with(']') && !line.contains(' ') {
            section = &line[1..line.len() - 1];
            return None;
        }
        Some((section, line))
    })
}

/// Page-furniture patterns, matched against whole folded lines.
pub struct Boilerplate {
    /// A matching line is dropped.
    pub line: Patterns,
    /// A matching line and the rest of the article are dropped (second half only).
    pub tail: Patterns,
}

/// A set of whole-line patterns, tested in two steps for speed. A Unicode word boundary `\b`
/// on non-ASCII text keeps the regex crate off its fast lazy DFA, and Arabic lines are never
/// ASCII; so each set is also compiled with its `\b` removed (a looser set: dropping an
/// assertion only admits more lines) into a forward lazy DFA alone. Only a line the loose set
/// matches (furniture, or nearly) is tested against the exact set, on the PikeVM. Only
/// `is_match` is asked, so neither needs capture groups nor a reverse automaton: compiling
/// just these two is most of what a small run costs, and a third of what the general `Regex`
/// would.
pub struct Patterns {
    loose: DFA,
    loose_caches: Pool<hybrid::dfa::Cache, CacheFn<hybrid::dfa::Cache>>,
    exact: PikeVM,
    exact_caches: Pool<pikevm::Cache, CacheFn<pikevm::Cache>>,
}

type CacheFn<T> = Box<dyn Fn() -> T + Send + Sync + RefUnwindSafe + UnwindSafe>;

impl Patterns {
    /// True when some pattern matches the whole line.
    pub fn is_match(&self, line: &str) -> bool {
        let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
        let loose = self
            .loose
            .try_search_fwd(&mut self.loose_caches.get(), &input);
        // The lazy DFA may give up (it never does on these sets in practice): then the exact
        // set decides alone.
        if let Ok(None) = loose {
            return false;
        }
        self.exact.is_match(&mut self.exact_caches.get(), input)
    }

    /// The number of patterns.
    pub fn len(&self) -> usize {
        self.exact.get_nfa().pattern_len()
    }

    /// True when there is no pattern.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lower-cases a pattern's literal letters, leaving escapes (`\S`, `\P{..}`) alone, so that it
/// matches folded (lower-cased) lines without a case-insensitive flag, which would make the
/// compiled set many times larger and slower to build.
fn lowercase_pattern(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.extend(c.to_lowercase());
            continue;
        }
        out.push(c);
        let Some(e) = chars.next() else { break };
        out.push(e);
        if matches!(e, 'p' | 'P') {
            // A Unicode class: `\pL` or `\p{Name}`, copied as written.
            match chars.next() {
                Some('{') => {
                    out.push('{');
                    for n in chars.by_ref() {
                        out.push(n);
                        if n == '}' {
                            break;
                        }
                    }
                }
                Some(n) => out.push(n),
                None => {}
            }
        }
    }
    out
}

fn anchored_set(patterns: &[String], file_kind: &str) -> Patterns {
    let wrapped: Vec<String> = patterns
        .iter()
        .map(|p| format!("^(?:{})$", lowercase_pattern(&fold_arabic(p))))
        .collect();
    let nfa = |list: &[String]| {
        thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(256 << 20)),
            )
            .build_many(list)
            .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"))
    };
    let loose: Vec<String> = wrapped.iter().map(|p| p.replace("\\b", "")).collect();
    let loose = DFA::builder()
        .build_from_nfa(nfa(&loose))
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"));
    let exact = PikeVM::new_from_nfa(nfa(&wrapped))
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"));
    let (l, x) = (loose.clone(), exact.clone());
    Patterns {
        loose_caches: Pool::new(Box::new(move || l.create_cache())),
        exact_caches: Pool::new(Box::new(move || x.create_cache())),
        loose,
        exact,
    }
}

/// The writing system a set of patterns is for. Each set is compiled on first use only, so a
/// run over English text never pays for the Arabic patterns, nor the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic script (`resources/*/ar.txt`).
    Arabic,
    /// Latin and every other script (`resources/*/en.txt`).
    Latin,
}

fn boilerplate_of(text: &str) -> Boilerplate {
    let (mut line, mut tail) = (Vec::new(), Vec::new());
    for (section, entry) in entries(text) {
        match section {
            "tail" => tail.push(entry.to_owned()),
            _ => line.push(entry.to_owned()),
        }
    }
    Boilerplate {
        line: anchored_set(&line, "boilerplate"),
        tail: anchored_set(&tail, "boilerplate"),
    }
}

static BOILERPLATE_ARABIC: LazyLock<Boilerplate> = LazyLock::new(|| boilerplate_of(BOILERPLATE_AR));
static BOILERPLATE_LATIN: LazyLock<Boilerplate> = LazyLock::new(|| boilerplate_of(BOILERPLATE_EN));

/// The boilerplate patterns for a script.
pub fn boilerplate(script: Script) -> &'static Boilerplate {
    match script {
        Script::Arabic => &BOILERPLATE_ARABIC,
        Script::Latin => &BOILERPLATE_LATIN,
    }
}

/// Dateline patterns: prefixes stripped from the first paragraphs of an article.
pub struct Datelines {
    /// Anchored at the start of a paragraph; no folded word of a named group `place`, when
    /// present, may be one of `not_places`.
    pub prefix: Vec<Regex>,
    /// Folded words that look like a place before a colon but are speech verbs.
    pub not_places: HashSet<String>,
    /// Folded place and outlet names without the article, the only single words besides
    /// those with the article that a group `town` may hold.
    pub places: HashSet<String>,
}

fn datelines_of(text: &str) -> Datelines {
    let mut d = Datelines {
        prefix: Vec::new(),
        not_places: HashSet::new(),
        places: HashSet::new(),
    };
    for (section, entry) in entries(text) {
        match section {
            "not" => {
                d.not_places.insert(fold(entry));
            }
            "places" => {
                d.places.insert(fold(entry));
            }
            _ => d.prefix.push(
                Regex::new(&format!("^(?:{entry})"))
                    .unwrap_or_else(|e| panic!("resources/datelines: bad pattern: {e}")),
            ),
        }
    }
    d
}

static DATELINES_ARABIC: LazyLock<Datelines> = LazyLock::new(|| datelines_of(DATELINES_AR));
static DATELINES_LATIN: LazyLock<Datelines> = LazyLock::new(|| datelines_of(DATELINES_EN));

/// The dateline patterns for a script.
pub fn datelines(script: Script) -> &'static Datelines {
    match script {
        Script::Arabic => &DATELINES_ARABIC,
        Script::Latin => &DATELINES_LATIN,
    }
}

/// Abbreviations that a period does not end a sentence after.
#[derive(Default)]
pub struct Abbreviations {
    /// Never a sentence end (`Mr.`, `Gen.`, `د.`).
    pub always: HashSet<String>,
    /// Not a sentence end when a digit follows (`No. 5`).
    pub number: HashSet<String>,
    /// A sentence end only when a common sentence starter follows (`U.S.`, `p.m.`).
    pub ambiguous: HashSet<String>,
    /// Words that commonly start a sentence.
    pub starters: HashSet<String>,
    /// Letter names written as words (`دبليو` for W): an initial in a name, unless it ends
    /// an acronym or a sentence starter follows.
    pub initials: HashSet<String>,
}

/// The abbreviations of every language.
pub static ABBREVIATION_LISTS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let mut a = Abbreviations::default();
    for (section, entry) in ABBREVIATIONS.iter().flat_map(|t| entries(t)) {
        let set = match section {
            "number" => &mut a.number,
            "ambiguous" => &mut a.ambiguous,
            "starters" => &mut a.starters,
            "initials" => &mut a.initials,
            _ => &mut a.always,
        };
        set.insert(entry.to_owned());
    }
    a
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_pattern_compiles() {
        for script in [Script::Arabic, Script::Latin] {
            assert!(boilerplate(script).line.len() > 10);
            assert!(boilerplate(script).tail.len() > 2);
            assert!(!datelines(script).prefix.is_empty());
        }
        assert!(datelines(Script::Arabic).not_places.contains("وقال"));
        assert!(ABBREVIATION_LISTS.always.contains("Mr."));
        assert!(ABBREVIATION_LISTS.starters.contains("The"));
    }

    #[test]
    fn pattern_lowercasing_keeps_escapes() {
        assert_eq!(
            lowercase_pattern(r"Share \S+ \p{Arabic}+ NOW"),
            r"share \S+ \p{Arabic}+ now"
        );
        assert_eq!(lowercase_pattern(r"\P{Lu}A"), r"\P{Lu}a");
    }

    #[test]
    fn sections_and_comments() {
        let got: Vec<_> = entries("# c\n\na\n[x]\n b \n# d\n").collect();
        assert_eq!(got, vec![("", "a"), ("x", "b")]);
    }
}
