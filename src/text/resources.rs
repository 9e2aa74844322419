//! Language data compiled into the binary from `resources/` (see `resources/README.md` for the
//! origin of every list). No file is read at run time and nothing is ever downloaded.
//!
//! Contract: every list is parsed once, on first use, into the structures below. The files are
//! plain text: `#` starts a comment line, blank lines are ignored, and a line `[name]` starts a
//! section. A pattern that does not compile is a bug in the shipped data, caught by the unit
//! tests of this module.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use regex_automata::meta;

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

mod patterns;

pub use patterns::Patterns;

/// Page-furniture patterns, matched against whole folded lines.
pub struct Boilerplate {
    /// A matching line is dropped.
    pub line: Patterns,
    /// A matching line and the rest of the article are dropped (second half only).
    pub tail: Patterns,
}

/// A pattern as it is matched: anchored at both ends and in folded spelling (`^(?:...)$`).
fn wrapped(pattern: &str) -> String {
    format!("^(?:{})$", lowercase_pattern(&fold_arabic(pattern)))
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
            "tail" => tail.push(wrapped(entry)),
            _ => line.push(wrapped(entry)),
        }
    }
    Boilerplate {
        line: Patterns::new(line, "boilerplate"),
        tail: Patterns::new(tail, "boilerplate"),
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

/// Prepares, now and spread over the current rayon pool, the furniture and dateline patterns
/// that cleaning an article in each of `scripts` needs (the gates of its line and tail sets,
/// the patterns every line meets, its datelines), instead of one by one on first use, where
/// every worker but the first waits for the first. It is work cleaning does anyway for such an
/// article, and the patterns and every result are the same either way. Outside a pool it is
/// done on this thread.
pub fn prepare(scripts: &[Script]) {
    let run = |script: Script| {
        let b = boilerplate(script);
        rayon::join(
            || b.line.prepare(),
            || {
                let _ = datelines(script);
                b.tail.prepare();
            },
        );
    };
    if rayon::current_thread_index().is_some() {
        rayon::scope(|s| {
            for &script in scripts {
                s.spawn(move |_| run(script));
            }
        });
    } else {
        scripts.iter().for_each(|&s| {
            let b = boilerplate(s);
            b.line.prepare();
            b.tail.prepare();
            let _ = datelines(s);
        });
    }
}

/// Dateline patterns: prefixes stripped from the first paragraphs of an article.
pub struct Datelines {
    /// Anchored at the start of a paragraph; no folded word of a named group `place`, when
    /// present, may be one of `not_places`.
    pub prefix: Vec<Dateline>,
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
            _ => d.prefix.push(Dateline::new(entry)),
        }
    }
    d
}

/// One dateline pattern. It meets the first two paragraphs of each article and stops within a
/// few words, so for the first 2,000 paragraphs (`DATELINE_LIGHT_USES`) it runs on the PikeVM and
/// the bounded backtracker only, which compile in half the time of the regex engine's full
/// set (the lazy DFAs, forward and reverse): compiling is most of what a run over a few
/// articles spends on datelines. Past that, a run long enough to gain from the lazy DFAs
/// compiles the full set. Both find the same match.
pub struct Dateline {
    pattern: String,
    light: meta::Regex,
    full: OnceLock<meta::Regex>,
    uses: AtomicUsize,
}

/// Paragraphs a dateline pattern meets on the light engine before it switches to the full one.
const DATELINE_LIGHT_USES: usize = 2_000;

/// Where a dateline pattern matched the start of a paragraph.
pub struct DatelineMatch<'t> {
    /// The byte offset of the end of the match.
    pub end: usize,
    /// The group `place`, if the pattern has one and it took part.
    pub place: Option<&'t str>,
    /// The group `town`, if the pattern has one and it took part.
    pub town: Option<&'t str>,
}

impl Dateline {
    fn new(entry: &str) -> Dateline {
        let pattern = format!("^(?:{entry})");
        let light = meta::Config::new().hybrid(false).dfa(false);
        Dateline {
            light: dateline_regex(&pattern, light),
            pattern,
            full: OnceLock::new(),
            uses: AtomicUsize::new(0),
        }
    }

    /// The match at the start of `text`, if any.
    pub fn captures<'t>(&self, text: &'t str) -> Option<DatelineMatch<'t>> {
        let re = if self.uses.fetch_add(1, Ordering::Relaxed) < DATELINE_LIGHT_USES {
            &self.light
        } else {
            self.full
                .get_or_init(|| dateline_regex(&self.pattern, meta::Config::new()))
        };
        let mut caps = re.create_captures();
        re.captures(text, &mut caps);
        let whole = caps.get_match()?;
        let group = |name: &str| caps.get_group_by_name(name).map(|s| &text[s.range()]);
        Some(DatelineMatch {
            end: whole.end(),
            place: group("place"),
            town: group("town"),
        })
    }
}

fn dateline_regex(pattern: &str, config: meta::Config) -> meta::Regex {
    meta::Regex::builder()
        .configure(config)
        .build(pattern)
        .unwrap_or_else(|e| panic!("resources/datelines: bad pattern: {e}"))
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
    fn gated_patterns_agree_with_every_pattern_as_written() {
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
            let half: String = literal.chars().take(literal.chars().count() / 2).collect();
            lines.extend([
                format!("{literal} x"),
                format!("12 {literal}"),
                format!(" {literal}"),
                half,
                literal,
            ]);
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
                let every_exact = set.every_exact();
                for line in &lines {
                    let key = crate::text::normalize::fold_words(line.trim(), usize::MAX)
                        .unwrap_or_default();
                    let m = set.is_match(&key);
                    assert_eq!(m, every_exact(&key), "{key:?}");
                    matched += usize::from(m);
                }
            }
        }
        assert!(matched > 20, "{matched}");
    }

    /// On the development data (when `../shared/data` is there; skipped otherwise): the gated
    /// sets agree with every pattern as written on the short lines of real Arabic and English
    /// news, where the furniture is.
    #[test]
    fn gated_patterns_agree_on_the_development_data() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        let mut texts: Vec<String> = Vec::new();
        if let Ok(raw) = std::fs::read_to_string(root.join("saudinewsnet/json/2015-07-21.json"))
            && let Ok(serde_json::Value::Array(records)) = serde_json::from_str(&raw)
        {
            let content = records.iter().filter_map(|r| r.get("content")?.as_str());
            texts.extend(content.map(str::to_owned));
        }
        for topic in ["business", "tech"] {
            for n in 1..=40 {
                let f = root.join(format!("bbc-fulltext/{topic}/{n:03}.txt"));
                texts.extend(std::fs::read_to_string(f).ok());
            }
        }
        if texts.is_empty() {
            eprintln!("skipped: no development data at {}", root.display());
            return;
        }
        let (mut tested, mut matched) = (0, 0);
        for script in [Script::Arabic, Script::Latin] {
            for set in [&boilerplate(script).line, &boilerplate(script).tail] {
                let every_exact = set.every_exact();
                for line in texts.iter().flat_map(|t| t.lines()).take(6_000) {
                    let Some(key) = crate::text::normalize::fold_words(line.trim(), 1_200) else {
                        continue;
                    };
                    if key.chars().count() > 300 {
                        continue;
                    }
                    let m = set.is_match(&key);
                    assert_eq!(m, every_exact(&key), "{key:?}");
                    tested += 1;
                    matched += usize::from(m);
                }
            }
        }
        eprintln!("{matched} of {tested} lines matched");
        assert!(tested > 1_000, "{tested}");
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

#[cfg(test)]
mod dateline_tests {
    use super::*;

    #[test]
    fn both_dateline_engines_find_the_same_match() {
        let lines = [
            "الرياض - واس - أعلن الوزير اليوم عن خطة جديدة.",
            "جدة (رويترز) - قال مسؤول إن الاجتماع انتهى.",
            "وصل - بحفظ الله ورعايته - الوفد إلى المدينة.",
            "LONDON (Reuters) - Ministers met on Tuesday.",
            "Not a dateline at all, just a sentence.",
        ];
        let seen = |d: &Dateline, l: &str| {
            d.captures(l)
                .map(|m| (m.end, m.place.map(str::to_owned), m.town.map(str::to_owned)))
        };
        for script in [Script::Arabic, Script::Latin] {
            for d in &datelines_of(if script == Script::Arabic {
                DATELINES_AR
            } else {
                DATELINES_EN
            })
            .prefix
            {
                let light: Vec<_> = lines.iter().map(|l| seen(d, l)).collect();
                d.uses.store(DATELINE_LIGHT_USES, Ordering::Relaxed);
                let full: Vec<_> = lines.iter().map(|l| seen(d, l)).collect();
                assert!(d.full.get().is_some());
                assert_eq!(light, full, "{}", d.pattern);
            }
        }
        let ar = datelines(Script::Arabic);
        assert!(ar.prefix.iter().any(|d| d.captures(lines[0]).is_some()));
    }
}
