//! Whole-line furniture patterns (`resources/boilerplate/`), each compiled on first need and
//! tried only on the lines that can start the way it does.
//!
//! Compiling the patterns was most of what a run over a few articles cost (about 9 ms of a
//! 20 ms run over the Arabic sample, `docs/performance.md`), though such a run's lines meet
//! only a few of them. So every pattern is parsed once into its syntax tree, which gives it a
//! *gate*: the set of literal prefixes every match of it begins with (`regex-syntax`'s prefix
//! extractor; a line that starts with none of them cannot match), or, for a pattern without
//! a finite set, the characters a match can begin with. A line is tested only against the
//! patterns its start lets through, and a pattern is compiled the first time a line gets that
//! far. What a line matches is what every pattern as written would give (test
//! `gated_patterns_agree_with_every_pattern_as_written` in `resources.rs`); only when the work is done
//! changes.
//!
//! A Unicode word boundary `\b` on non-ASCII text keeps the regex crate off its fast lazy DFA,
//! and Arabic lines are never ASCII. So a pattern without `\b` is a forward lazy DFA, exact as
//! it is; one with `\b` is a lazy DFA with the `\b` removed (a looser pattern: dropping an
//! assertion only admits more lines), and only a line that the looser one matches is tested
//! against it as written, on the PikeVM. Only `is_match` is asked, so nothing needs capture
//! groups nor a reverse automaton. Should a lazy DFA give up (it never does on these patterns
//! in practice), the pattern as written decides, on the PikeVM.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures, pikevm, pikevm::PikeVM};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};

/// A set of whole-line patterns (see the module's documentation).
pub struct Patterns {
    /// Every pattern, anchored and folded as it is matched (`^(?:...)$`).
    wrapped: Vec<String>,
    file_kind: &'static str,
    gate: OnceLock<Gate>,
    compiled: Vec<OnceLock<Single>>,
}

/// Which patterns a line can match, from how it starts.
struct Gate {
    /// Each pattern's syntax tree (compiled from, never parsed twice).
    trees: Vec<Hir>,
    /// The patterns with a finite set of literal prefixes, in a byte trie.
    prefixes: Trie,
    /// The patterns without one whose first character is known: (pattern, its first
    /// characters as sorted ranges).
    firsts: Vec<(u32, Vec<(char, char)>)>,
    /// The patterns every line meets.
    always: Vec<u32>,
    /// Which patterns have a `\b`.
    bounded: Vec<bool>,
}

/// A byte trie of literals, each node holding the patterns whose literal ends there.
#[derive(Default)]
struct Trie {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    /// (byte, child) sorted by byte.
    next: Vec<(u8, u32)>,
    patterns: Vec<u32>,
}

impl Gate {
    /// The gate of the patterns whose syntax trees are `trees`.
    fn new(trees: Vec<Hir>) -> Gate {
        let (mut prefixes, mut firsts, mut always) = (Trie::default(), Vec::new(), Vec::new());
        let mut extractor = Extractor::new();
        extractor.kind(ExtractKind::Prefix);
        for (i, tree) in trees.iter().enumerate() {
            let i = i as u32;
            match extractor.extract(tree).literals() {
                Some(lits) if !lits.is_empty() && lits.iter().all(|l| !l.is_empty()) => {
                    for l in lits {
                        prefixes.insert(l.as_bytes(), i);
                    }
                }
                _ => match first_chars(tree) {
                    (Some(class), false) => {
                        let ranges = class.ranges().iter().map(|r| (r.start(), r.end()));
                        firsts.push((i, ranges.collect()));
                    }
                    _ => always.push(i),
                },
            }
        }
        let looks = trees.iter().map(|t| t.properties().look_set());
        Gate {
            bounded: looks.map(|l| l.contains_word()).collect(),
            trees,
            prefixes,
            firsts,
            always,
        }
    }
}

impl Trie {
    fn insert(&mut self, literal: &[u8], pattern: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut at = 0usize;
        for &b in literal {
            at = match self.nodes[at].next.binary_search_by_key(&b, |e| e.0) {
                Ok(i) => self.nodes[at].next[i].1 as usize,
                Err(i) => {
                    let child = self.nodes.len();
                    self.nodes[at].next.insert(i, (b, child as u32));
                    self.nodes.push(Node::default());
                    child
                }
            };
        }
        let node = &mut self.nodes[at];
        if !node.patterns.contains(&pattern) {
            node.patterns.push(pattern);
        }
    }

    /// Calls `f` with every pattern one of whose literals `line` starts with, until `f` says
    /// stop (a pattern may come more than once).
    fn each_prefix_of(&self, line: &[u8], f: &mut impl FnMut(u32) -> bool) -> bool {
        let Some(mut node) = self.nodes.first() else {
            return false;
        };
        let mut bytes = line.iter();
        loop {
            if node.patterns.iter().any(|&p| f(p)) {
                return true;
            }
            let Some(b) = bytes.next() else { return false };
            match node.next.binary_search_by_key(b, |e| e.0) {
                Ok(i) => node = &self.nodes[node.next[i].1 as usize],
                Err(_) => return false,
            }
        }
    }
}

/// One pattern, compiled.
struct Single {
    /// The lazy DFA: exact without `\b`, looser with it (`None`: the pattern's DFA could not
    /// be built, and the PikeVM decides every line).
    dfa: Option<Loose>,
    bounded: bool,
    /// The pattern as written, on the PikeVM, compiled on first need.
    exact: OnceLock<Exact>,
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

impl Patterns {
    /// A set of patterns, each already as it is matched: anchored at both ends
    /// (`^(?:...)$`) and in the folded spelling of the lines it meets.
    pub fn new(patterns: Vec<String>, file_kind: &'static str) -> Patterns {
        let compiled = patterns.iter().map(|_| OnceLock::new()).collect();
        Patterns {
            wrapped: patterns,
            file_kind,
            gate: OnceLock::new(),
            compiled,
        }
    }

    /// True when some pattern matches the whole line.
    pub fn is_match(&self, line: &str) -> bool {
        let gate = self.gate();
        let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
        let mut test = |p: u32| {
            let tree = &gate.trees[p as usize];
            self.single(gate, p).matches(tree, &input)
        };
        if gate.always.iter().any(|&p| test(p)) {
            return true;
        }
        if let Some(first) = line.chars().next() {
            let hit = gate.firsts.iter().any(|(p, ranges)| {
                let inside = ranges
                    .binary_search_by(|&(lo, hi)| {
                        if hi < first {
                            std::cmp::Ordering::Less
                        } else if lo > first {
                            std::cmp::Ordering::Greater
                        } else {
                            std::cmp::Ordering::Equal
                        }
                    })
                    .is_ok();
                inside && test(*p)
            });
            if hit {
                return true;
            }
        }
        gate.prefixes.each_prefix_of(line.as_bytes(), &mut test)
    }

    /// Parses every pattern and builds the gate now, the parsing spread over the current
    /// rayon pool, and compiles the patterns that most lines meet (those without a literal
    /// prefix: the first lines would otherwise, one worker waiting for another). No rayon work runs inside the gate's own initialisation, so
    /// a worker waiting for it never waits on itself.
    pub fn prepare(&self) {
        use rayon::prelude::*;
        // Outside a rayon pool (a library caller cleaning by itself) all of it runs on this
        // thread: no pool is started for it.
        let in_pool = rayon::current_thread_index().is_some();
        if in_pool && self.gate.get().is_none() {
            let trees: Vec<Hir> = self
                .wrapped
                .par_iter()
                .with_max_len(4)
                .map(|p| parse(p, self.file_kind))
                .collect();
            let _ = self.gate.get_or_init(|| Gate::new(trees));
        }
        let gate = self.gate();
        let firsts = gate.firsts.iter().map(|f| f.0);
        let broad: Vec<u32> = gate.always.iter().copied().chain(firsts).collect();
        let compile = |&p: &u32| {
            let _ = self.single(gate, p);
        };
        if in_pool {
            broad.par_iter().with_max_len(1).for_each(compile);
        } else {
            broad.iter().for_each(compile);
        }
    }

    fn gate(&self) -> &Gate {
        self.gate.get_or_init(|| {
            let trees = self.wrapped.iter();
            Gate::new(trees.map(|p| parse(p, self.file_kind)).collect())
        })
    }

    fn single(&self, gate: &Gate, p: u32) -> &Single {
        self.compiled[p as usize].get_or_init(|| {
            let tree = &gate.trees[p as usize];
            let bounded = gate.bounded[p as usize];
            let dfa = if bounded {
                let pattern = self.wrapped[p as usize].replace("\\b", "");
                loose(&parse(&pattern, self.file_kind))
            } else {
                loose(tree)
            };
            Single {
                dfa,
                bounded,
                exact: OnceLock::new(),
            }
        })
    }

    /// Every pattern as written, one PikeVM of them all (what the gate must agree with):
    /// call the result with a line.
    #[cfg(test)]
    pub(super) fn every_exact(&self) -> impl Fn(&str) -> bool {
        let trees: Vec<Hir> = self
            .wrapped
            .iter()
            .map(|p| parse(p, self.file_kind))
            .collect();
        let x = exact_many(&trees.iter().collect::<Vec<_>>());
        move |line| {
            let input = Input::new(line).anchored(Anchored::Yes).earliest(true);
            x.vm.is_match(&mut x.caches.get(), input)
        }
    }

    /// Compiles every pattern now (a test that the shipped patterns compile).
    #[cfg(test)]
    pub(super) fn compile_all(&self) {
        let gate = self.gate();
        for p in 0..self.wrapped.len() as u32 {
            let s = self.single(gate, p);
            assert!(s.dfa.is_some(), "{}", self.wrapped[p as usize]);
            let _ = s.exact(&gate.trees[p as usize]);
        }
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

/// `Some(true)` on a match, `None` when the lazy DFA gave up.
fn search(l: &Loose, input: &Input<'_>) -> Option<bool> {
    l.dfa
        .try_search_fwd(&mut l.caches.get(), input)
        .ok()
        .map(|m| m.is_some())
}

impl Single {
    fn matches(&self, tree: &Hir, input: &Input<'_>) -> bool {
        match self.dfa.as_ref().and_then(|d| search(d, input)) {
            Some(false) => false,
            Some(true) if !self.bounded => true,
            _ => {
                let x = self.exact(tree);
                x.vm.is_match(&mut x.caches.get(), input.clone())
            }
        }
    }

    fn exact(&self, tree: &Hir) -> &Exact {
        self.exact.get_or_init(|| exact_many(&[tree]))
    }
}

/// The syntax tree of one pattern (a bad pattern is a bug in the shipped data, caught by the
/// unit tests).
fn parse(pattern: &str, file_kind: &str) -> Hir {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("resources/{file_kind}: bad pattern: {e}"))
}

/// The Thompson NFA of anchored patterns, without captures.
fn nfa(trees: &[&Hir]) -> thompson::NFA {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(256 << 20)),
        )
        .build_many_from_hir(trees)
        .expect("a pattern that parsed compiles")
}

/// The lazy DFA of one pattern (`None` if it cannot be built).
fn loose(tree: &Hir) -> Option<Loose> {
    loose_many(&[tree])
}

/// The lazy DFA of patterns (`None` for none, or if it cannot be built).
fn loose_many(trees: &[&Hir]) -> Option<Loose> {
    if trees.is_empty() {
        return None;
    }
    let dfa = DFA::builder().build_from_nfa(nfa(trees)).ok()?;
    let d = dfa.clone();
    Some(Loose {
        caches: Pool::new(Box::new(move || d.create_cache())),
        dfa,
    })
}

/// The PikeVM of patterns.
fn exact_many(trees: &[&Hir]) -> Exact {
    let vm = PikeVM::new_from_nfa(nfa(trees)).expect("a pattern that parsed compiles");
    let v = vm.clone();
    Exact {
        caches: Pool::new(Box::new(move || v.create_cache())),
        vm,
    }
}

/// The characters a match of `tree` can begin with (`None`: any, or not known) and whether it
/// can match the empty string.
fn first_chars(tree: &Hir) -> (Option<ClassUnicode>, bool) {
    match tree.kind() {
        HirKind::Empty | HirKind::Look(_) => (Some(ClassUnicode::empty()), true),
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0)
            .ok()
            .and_then(|s| s.chars().next())
        {
            Some(c) => (
                Some(ClassUnicode::new([
                    regex_syntax::hir::ClassUnicodeRange::new(c, c),
                ])),
                false,
            ),
            None => (None, false),
        },
        HirKind::Class(Class::Unicode(class)) => (Some(class.clone()), false),
        HirKind::Class(Class::Bytes(_)) => (None, false),
        HirKind::Repetition(rep) => {
            let (class, empty) = first_chars(&rep.sub);
            (class, empty || rep.min == 0)
        }
        HirKind::Capture(cap) => first_chars(&cap.sub),
        HirKind::Concat(parts) => {
            let mut all = ClassUnicode::empty();
            for part in parts {
                let (class, empty) = first_chars(part);
                let Some(class) = class else {
                    return (None, false);
                };
                all.union(&class);
                if !empty {
                    return (Some(all), false);
                }
            }
            (Some(all), true)
        }
        HirKind::Alternation(alts) => {
            let mut all = ClassUnicode::empty();
            let mut any_empty = false;
            for alt in alts {
                let (class, empty) = first_chars(alt);
                let Some(class) = class else {
                    return (None, false);
                };
                all.union(&class);
                any_empty |= empty;
            }
            (Some(all), any_empty)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> Patterns {
        let wrapped = patterns.iter().map(|p| format!("^(?:{p})$")).collect();
        Patterns::new(wrapped, "test")
    }

    #[test]
    fn a_line_meets_only_the_patterns_its_start_allows() {
        let p = set(&[r"read (?:more|also)", r"\d+ comments?", r"[-=]*"]);
        let gate = p.gate();
        let mut met = Vec::new();
        gate.prefixes.each_prefix_of(b"read more", &mut |i| {
            met.push(i);
            false
        });
        assert_eq!(met, vec![0]);
        assert_eq!(gate.firsts.iter().map(|f| f.0).collect::<Vec<_>>(), vec![1]);
        assert_eq!(gate.always, vec![2]);
        assert!(p.is_match("read also"));
        assert!(p.is_match("12 comments"));
        assert!(p.is_match("-----"));
        assert!(!p.is_match("read the rest"));
        assert!(!p.is_match("comments 12"));
        // Only the patterns a line let through were compiled.
        assert!(p.compiled[0].get().is_some() && p.compiled[2].get().is_some());
        let q = set(&[r"read (?:more|also)", r"\d+ comments?"]);
        assert!(!q.is_match("share this"));
        assert!(q.compiled.iter().all(|c| c.get().is_none()));
    }

    #[test]
    fn first_characters_cover_optional_starts() {
        let hir = parse(r"^(?:[(\-]*\s*(?:اعلان|advert)\b.*)$", "test");
        let (class, empty) = first_chars(&hir);
        let class = class.expect("known");
        assert!(!empty);
        for c in ['(', '-', ' ', 'ا', 'a'] {
            assert!(
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end()),
                "{c}"
            );
        }
        assert!(
            !class
                .ranges()
                .iter()
                .any(|r| r.start() <= 'b' && 'b' <= r.end())
        );
        // A pattern that can match the empty line has no first character.
        assert!(first_chars(&parse(r"^(?:\s*)$", "test")).1);
    }

    #[test]
    fn word_boundaries_are_checked_as_written() {
        let p = set(&[r"share\b.*", r"\bfollow us\b"]);
        assert!(p.is_match("share this"));
        assert!(!p.is_match("shareholders meet"));
        assert!(p.is_match("follow us"));
        assert!(!p.is_match("follow usa"));
    }
}
