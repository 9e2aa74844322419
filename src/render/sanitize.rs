//! What people see is safe to show: every string that comes from an article (sentences, titles,
//! ids, outlets, URLs, paths, reasons) is cleaned before a human format prints it.
//!
//! Contract: [`shown`] removes control characters (C0, DEL, C1; a tab and a line break are
//! kept only when `body` is true), and removes the bidirectional embedding, override and isolate
//! controls (U+202A–U+202E, U+2066–U+2069) unless every one of them is closed within the string,
//! so that an unclosed U+202E cannot reverse the rest of a terminal line, a subject or a page.
//! [`briefing`] and [`digest`] return a copy with every such string cleaned; JSON is written
//! from the original (its escapes are already safe for machines).

use std::borrow::Cow;

use crate::digest::Digest;
use crate::error::Skipped;
use crate::pipeline::briefing::Briefing;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True when every embedding, override and isolate is closed, in order.
fn balanced(s: &str) -> bool {
    let mut open: Vec<bool> = Vec::new(); // true: an isolate, closed by PDI
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{202C}' if open.pop() != Some(false) => return false,
            '\u{2069}' if open.pop() != Some(true) => return false,
            _ => {}
        }
    }
    open.is_empty()
}

/// A string as a person may see it (see the module docs).
pub fn shown(s: &str, body: bool) -> Cow<'_, str> {
    let strip_bidi = s.chars().any(is_bidi_control) && !balanced(s);
    let dropped = |c: char| {
        (c.is_control() && !(body && matches!(c, '\t' | '\n')))
            || (strip_bidi && is_bidi_control(c))
    };
    if !s.chars().any(dropped) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !dropped(c)).collect())
}

fn clean(s: &mut String) {
    if let Cow::Owned(t) = shown(s, false) {
        *s = t;
    }
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        clean(s);
    }
}

fn clean_skipped(list: &mut [Skipped]) {
    for k in list {
        clean(&mut k.path);
        clean(&mut k.reason);
    }
}

/// A copy of a briefing with every string cleaned for people.
pub fn briefing(b: &Briefing) -> Briefing {
    let mut b = b.clone();
    clean_opt(&mut b.title);
    for s in &mut b.sentences {
        clean(&mut s.text);
        for r in &mut s.sources {
            clean(&mut r.document);
        }
    }
    for d in &mut b.documents {
        let m = &mut d.meta;
        clean(&mut m.id);
        clean(&mut m.path);
        clean_opt(&mut m.title);
        clean_opt(&mut m.date);
        clean_opt(&mut m.url);
        clean_opt(&mut m.source);
    }
    for c in b.candidates.iter_mut().flatten() {
        clean(&mut c.text);
        clean(&mut c.source.document);
        clean(&mut c.decision);
    }
    clean_skipped(&mut b.skipped);
    b
}

/// A copy of a digest with every string cleaned for people.
pub fn digest(d: &Digest) -> Digest {
    let mut d = d.clone();
    for s in &mut d.stories {
        clean_opt(&mut s.headline);
        clean_opt(&mut s.update_of);
        clean_opt(&mut s.newest);
        for o in &mut s.outlets {
            clean(o);
        }
        s.briefing = briefing(&s.briefing);
    }
    clean_skipped(&mut d.skipped);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_unclosed_overrides_are_removed() {
        assert_eq!(shown("plain text", false), "plain text");
        assert_eq!(shown("a\u{1b}[31mred\u{7}\u{8}", false), "a[31mred");
        assert_eq!(shown("line\nbreak\tand tab", true), "line\nbreak\tand tab");
        assert_eq!(shown("line\nbreak", false), "linebreak");
        assert_eq!(shown("\u{85}C1\u{9b}", false), "C1");
        // An unclosed right-to-left override would reverse what follows it.
        assert_eq!(shown("evil\u{202E}txt.exe", false), "eviltxt.exe");
        // Closed ones are the writer's own business.
        let ok = "\u{2067}עברית\u{2069} and \u{202B}x\u{202C}";
        assert_eq!(shown(ok, false), ok);
        assert_eq!(shown("\u{202C}\u{202B}", false), "");
    }
}
