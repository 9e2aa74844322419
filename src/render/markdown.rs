//! Markdown: for chat tools, wikis and notes.

use std::io::{self, Write};

use super::{footnotes, heading};
use crate::error::Skipped;
use crate::pipeline::briefing::Briefing;

/// Escapes the characters that would start Markdown syntax inside a line.
/// An article's name in a source list: a link when its URL is `http(s)` (percent-encoded, so
/// nothing in it can close the link or start markup), else its id in code quotes.
pub(super) fn source_name(meta: &crate::corpus::Meta) -> String {
    match super::safe_url(meta.url.as_ref()) {
        Some(u) => format!("[{}](<{}>)", escape(&meta.id), percent_encode(&u)),
        None => format!("`{}`", meta.id.replace('`', "'")),
    }
}

/// A URL with every byte outside the unreserved and reserved characters of RFC 3986 (and
/// parentheses and brackets) percent-encoded.
pub(super) fn percent_encode(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/?#@!$&'*+,;=%".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A URL as people read it (an IRI, RFC 3987 section 3.2): percent-encoded UTF-8 of letters
/// beyond ASCII is decoded (`%D8%B9` -> `ع`, a third of the bytes), percent-encoded ASCII
/// stays encoded, and ASCII that could end the URL in text (space, `<`, `>`, `"`, controls)
/// is encoded.
pub(super) fn iri(url: &str) -> String {
    let b = url.as_bytes();
    let hex = |i: usize| {
        b.get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    let mut bytes: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // A run of encoded bytes >= 0x80 that decodes to UTF-8 letters is shown decoded.
        let mut run: Vec<u8> = Vec::new();
        let mut j = i;
        while b.get(j) == Some(&b'%')
            && let Some(v) = hex(j).filter(|&v| v >= 0x80)
        {
            run.push(v);
            j += 3;
        }
        match std::str::from_utf8(&run) {
            Ok(text) if !run.is_empty() && text.chars().all(|c| c.is_alphanumeric()) => {
                bytes.extend_from_slice(&run);
                i = j;
            }
            _ if !run.is_empty() => {
                bytes.extend_from_slice(&b[i..j]);
                i = j;
            }
            _ => {
                let c = b[i];
                if c < 0x80 && (c <= b' ' || b"<>\"\\^`{|}\x7f".contains(&c)) {
                    bytes.extend_from_slice(format!("%{c:02X}").as_bytes());
                } else {
                    bytes.push(c);
                }
                i += 1;
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| percent_encode(url))
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The `**Skipped**` section (nothing when no input was skipped).
pub(super) fn skipped_list(skipped: &[Skipped], out: &mut dyn Write) -> io::Result<()> {
    if skipped.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "**Skipped**")?;
    writeln!(out)?;
    for s in skipped {
        writeln!(
            out,
            "- `{}`: {}",
            s.path.replace('`', "'"),
            escape(&s.reason)
        )?;
    }
    Ok(())
}

pub(super) fn render(b: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", escape(&heading(b)))?;
    writeln!(out)?;
    for (s, notes) in b.sentences.iter().zip(footnotes(b)) {
        let cites: Vec<String> = notes.iter().map(|n| format!("[{n}]")).collect();
        writeln!(out, "- {} {}", escape(&s.text), escape(&cites.join("")))?;
    }
    if b.sentences.is_empty() {
        writeln!(out, "_No sentence fits the budget._")?;
    }
    writeln!(out)?;
    writeln!(out, "**Sources**")?;
    writeln!(out)?;
    for (i, d) in b.documents.iter().enumerate() {
        let name = source_name(&d.meta);
        match &d.meta.title {
            Some(t) if Some(t) != b.title.as_ref() => {
                writeln!(out, "{}. {} — {}", i + 1, name, escape(t))?
            }
            _ => writeln!(out, "{}. {}", i + 1, name)?,
        }
    }
    skipped_list(&b.skipped, out)?;
    if let Some(cands) = &b.candidates {
        writeln!(out)?;
        writeln!(
            out,
            "| score | centroid | lexrank | position | length | signature | support | sentence | decision |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
        for c in cands {
            let cells = super::candidate_cells(c, escape);
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_as_iris_and_nothing_closes_them() {
        assert_eq!(
            iri("http://e.example/node/1/%D8%A3%D9%85%D9%8A%D8%B1-%D8%B9.html?live"),
            "http://e.example/node/1/أمير-ع.html?live"
        );
        assert_eq!(
            iri("https://e.example/a%20b%2Fc"),
            "https://e.example/a%20b%2Fc"
        );
        assert_eq!(
            iri("https://e.example/%E2%80%AEx"),
            "https://e.example/%E2%80%AEx"
        );
        assert_eq!(iri("https://e.example/%FF%FE"), "https://e.example/%FF%FE");
        assert_eq!(
            iri("https://e.example/<img src=x>"),
            "https://e.example/%3Cimg%20src=x%3E"
        );
        assert_eq!(iri("https://e.example/ع"), "https://e.example/ع");
    }

    #[test]
    fn regression_only_http_links_and_nothing_that_closes_them() {
        let meta = |url: &str| crate::corpus::Meta {
            url: Some(url.into()),
            ..crate::corpus::Meta::new("a")
        };
        assert_eq!(source_name(&meta("javascript:alert(3)")), "`a`");
        assert_eq!(
            source_name(&meta("https://e.example/<img src=x onerror=alert(1)>")),
            "[a](<https://e.example/%3Cimg%20src=x%20onerror=alert%281%29%3E>)"
        );
        assert_eq!(
            source_name(&meta("https://e.example/a?b=1&c=ع")),
            "[a](<https://e.example/a?b=1&c=%D8%B9>)"
        );
    }
}
