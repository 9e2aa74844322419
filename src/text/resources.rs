//! Language data compiled into the binary from `resources/` (see `resources/README.md` for the
//! origin of every list). No file is read at run time and nothing is ever downloaded.
//!
//! Contract: every list is parsed once, on first use, into the structures below. The files are
//! plain text: `#` starts a comment line, blank lines are ignored, and a line `[name]` starts a
//! section. A pattern that does not compile is a bug in the shipped data, caught by the unit
//! tests of this module.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

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

/// A set of whole-line patterns, tested in two steps for speed, and compiled piece by piece
/// on first need (compiling is most of what a small run costs).
///
/// A Unicode word boundary `\b` on non-ASCII text keeps the regex crate off its fast lazy
/// DFA, and Arabic lines are never ASCII. So the patterns without `\b` (most of them) are one
/// forward lazy DFA, exact as it is; those with `\b` are a second lazy DFA with the `\b`
/// removed (a looser set: dropping an assertion only admits more lines), and only a line that
/// looser set matches is tested against them as written, on the PikeVM, compiled the first
/// time a line gets that far. Only `is_match` is asked, so nothing needs capture groups nor a
/// reverse automaton. Should a lazy DFA give up (it never does on these sets in practice),
/// every pattern as written decides, on the PikeVM.
pub struct Patterns {
    /// Every pattern, anchored and folded as it is matched (`^(?:...)$`).
    wrapped: Vec<String>,
    file_kind: &'static str,
    plain: OnceLock<Option<Loose>>,
    bounded_loose: OnceLock<Option<Loose>>,
    bounded_exact: OnceLock<Option<Exact>>,
    every_exact: OnceLock<Option<Exact>>,
}

/// The parts of a [`Patterns`] that [`prepare`] compiles ahead.
#[derive(Clone, Copy)]
enum Part {
    /// The lazy DFA of the patterns without `\b`, which every line meets.
    Plain,
    /// The lazy DFA of the patterns with `\b`, made looser, which every line the first misses
    /// meets.
    Loose,
    /// Those patterns as written, which a line meets when the looser set matches it (a few
    /// lines of most articles: `follow us on`, a byline).
    Exact,
}

/// A lazy DFA with its caches.
struct Loose {
    dfa: DFA,
    caches: Pool<hybrid::dfa::Cache, CacheFn<hybrid::dfa::Cache>>,
}

/// A PikeVM with its caches.
struct Exact {
    vm: PikeVM,
    caches: Pool<pikevm::Cache, CacheFn<pikevm::Cache>>,
}

type CacheFn<T> = Box<dyn Fn() -> T + Send + Sync + RefUnwindSafe + UnwindSafe>;

impl Loose {
    /// `Some(true)` on a match, `None` when the lazy DFA gave up.
    fn matches(&self, input: &Input<'_>) -> Option<bool> {
        let found = self.dfa.try_search_fwd(&mut self.caches.get(), input);
        found.ok().map(|m| m.is_some())
    }
}

impl Exact {
    fn matches(&self, input: Input<'_>) -> bool {
        self.vm.is_match(&mut self.caches.get(), input)
    }
}

impl Patterns {
    fn new(patterns: &[String], file_kind: &'static str) -> Patterns {
        Patterns {
            wrapped: patterns
                .iter()
                .map(|p| format!("^(?:{})$", lowercase_pattern(&fold_arabic(p))))
                .collect(),
            file_kind,
            plain: OnceLock::new(),
            bounded_loose: OnceLock::new(),
            bounded_exact: OnceLock::new(),
            every_exact: OnceLock::new(),
        }
    }

    /// The patterns as written (`bounded`: those with a `\b`, else those without).
    fn part(&self, bounded: bool) -> Vec<String> {
        let list = self.wrapped.iter();
        list.filter(|p| p.contains("\\b") == bounded)
            .cloned()
            .collect()
    }

    /// True when some pattern matches the whole line.
    pub fn is_match(&self, line: &str) -> bool {
        let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
        let plain = self
            .plain
            .get_or_init(|| loose(&self.part(false), self.file_kind));
        match plain.as_ref().map(|l| l.matches(&input)) {
            Some(Some(true)) => return true,
            Some(None) => return self.every_exact(input),
            _ => {}
        }
        match self.bounded_loose().as_ref().map(|l| l.matches(&input)) {
            None | Some(Some(false)) => false,
            Some(None) => self.every_exact(input),
            Some(Some(true)) => self
                .bounded_exact
                .get_or_init(|| exact(&self.part(true), self.file_kind))
                .as_ref()
                .is_some_and(|x| x.matches(input)),
        }
    }

    /// The patterns with a `\b`, without it, as a lazy DFA.
    fn bounded_loose(&self) -> &Option<Loose> {
        self.bounded_loose.get_or_init(|| {
            let list = self.part(true);
            let list: Vec<String> = list.iter().map(|p| p.replace("\\b", "")).collect();
            loose(&list, self.file_kind)
        })
    }

    /// Every pattern as written, on the PikeVM.
    fn every_exact(&self, input: Input<'_>) -> bool {
        self.every_exact
            .get_or_init(|| exact(&self.wrapped, self.file_kind))
            .as_ref()
            .is_some_and(|x| x.matches(input))
    }

    /// Compiles one part now rather than on first use.
    fn prepare(&self, part: Part) {
        match part {
            Part::Plain => {
                let _ = self
                    .plain
                    .get_or_init(|| loose(&self.part(false), self.file_kind));
            }
            Part::Loose => {
                let _ = self.bounded_loose();
            }
            Part::Exact => {
                let _ = self
                    .bounded_exact
                    .get_or_init(|| exact(&self.part(true), self.file_kind));
            }
        }
    }

    /// Compiles every part now (a test that the shipped patterns compile).
    #[cfg(test)]
    fn compile_all(&self) {
        let _ = self.is_match("");
        let _ = self.bounded_loose();
        let _ = self
            .bounded_exact
            .get_or_init(|| exact(&self.part(true), self.file_kind));
        let _ = self
            .every_exact
            .get_or_init(|| exact(&self.wrapped, self.file_kind));
    }

    /// The number of patterns.
    pub fn len(&self) -> usize {
        self.wrapped.len()
    }

    /// True when there is no pattern.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The Thompson NFA of anchored patterns, without captures.
fn nfa(list: &[String], file_kind: &str) -> thompson::NFA {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(256 << 20)),
        )
        .build_many(list)
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"))
}

/// The lazy DFA of a list of patterns (`None` for none).
fn loose(list: &[String], file_kind: &str) -> Option<Loose> {
    if list.is_empty() {
        return None;
    }
    let dfa = DFA::builder()
        .build_from_nfa(nfa(list, file_kind))
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"));
    let d = dfa.clone();
    Some(Loose {
        caches: Pool::new(Box::new(move || d.create_cache())),
        dfa,
    })
}

/// The PikeVM of a list of patterns (`None` for none).
fn exact(list: &[String], file_kind: &str) -> Option<Exact> {
    if list.is_empty() {
        return None;
    }
    let vm = PikeVM::new_from_nfa(nfa(list, file_kind))
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"));
    let v = vm.clone();
    Some(Exact {
        caches: Pool::new(Box::new(move || v.create_cache())),
        vm,
    })
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
        line: Patterns::new(&line, "boilerplate"),
        tail: Patterns::new(&tail, "boilerplate"),
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

/// Compiles, now and spread over the current rayon pool, the furniture and dateline patterns
/// that cleaning an article in each of `scripts` needs (its line set, its tail set and its
/// datelines), instead of one by one on first use, where every worker but the first waits
/// for the first to compile them all. Compiling is most of what a run over a few articles
/// costs (about 9 ms for the Arabic sets, 4 of them the line set alone, `docs/performance.md`);
/// it is the work cleaning does anyway for such an article, and the patterns and every result
/// are the same either way. Outside a pool the sets are compiled on this thread.
pub fn prepare(scripts: &[Script]) {
    use rayon::prelude::*;
    // Five tasks a script, about even in two halves (Arabic, in ms: 4 + 1.5 against 1.8 + 1 +
    // 2.5): the line set's plain part, the largest, starts at once on this worker.
    let tasks: Vec<(Script, u8)> = scripts
        .iter()
        .flat_map(|&s| (0..5).map(move |t| (s, t)))
        .collect();
    let run = |&(script, task): &(Script, u8)| {
        let b = boilerplate(script);
        match task {
            0 => b.line.prepare(Part::Plain),
            1 => b.line.prepare(Part::Exact),
            2 => b.line.prepare(Part::Loose),
            3 => {
                b.tail.prepare(Part::Plain);
                b.tail.prepare(Part::Loose);
            }
            _ => {
                let _ = datelines(script);
            }
        }
    };
    if rayon::current_thread_index().is_some() {
        tasks.par_iter().with_max_len(1).for_each(run);
    } else {
        tasks.iter().for_each(run);
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
            boilerplate(script).line.compile_all();
            boilerplate(script).tail.compile_all();
            assert!(!datelines(script).prefix.is_empty());
        }
        assert!(datelines(Script::Arabic).not_places.contains("وقال"));
        assert!(ABBREVIATION_LISTS.always.contains("Mr."));
        assert!(ABBREVIATION_LISTS.starters.contains("The"));
    }

    #[test]
    fn two_steps_agree_with_every_pattern_as_written() {
        // Every line of the samples and of the pattern files (their literal text matches
        // the furniture patterns), folded as the cleaner folds them, with variants.
        let mut lines: Vec<String> = Vec::new();
        for dir in ["samples/coalition-ar", "samples/harbor-bridge-en"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for e in std::fs::read_dir(dir).expect("samples") {
                let text = std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default();
                lines.extend(text.lines().map(str::to_owned));
            }
        }
        for (_, entry) in entries(BOILERPLATE_AR).chain(entries(BOILERPLATE_EN)) {
            let literal: String = entry
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ')
                .collect();
            lines.push(literal.clone());
            lines.push(format!("{literal} x"));
        }
        let extra = [
            "share",
            "share this",
            "sharethis",
            "read more",
            "اقرأ أيضا",
            "اقرأ أيضاً:",
        ];
        lines.extend(extra.iter().map(|s| s.to_string()));
        let mut matched = 0;
        for script in [Script::Arabic, Script::Latin] {
            for set in [&boilerplate(script).line, &boilerplate(script).tail] {
                for line in &lines {
                    let key = crate::text::normalize::fold_words(line.trim(), usize::MAX)
                        .unwrap_or_default();
                    let input = Input::new(&key).anchored(Anchored::Yes).earliest(true);
                    let m = set.is_match(&key);
                    assert_eq!(m, set.every_exact(input), "{key:?}");
                    matched += usize::from(m);
                }
            }
        }
        assert!(matched > 20, "{matched}");
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
