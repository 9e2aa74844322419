//! Markdown: for chat tools, wikis and notes.

use std::io::{self, Write};

use super::{footnotes, heading};
use crate::error::Skipped;
use crate::pipeline::briefing::Briefing;

/// Escapes the characters that would start Markdown syntax inside a line.
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
        let name = match &d.meta.url {
            Some(u) => format!("[{}](<{}>)", escape(&d.meta.id), u.replace('>', "%3E")),
            None => format!("`{}`", d.meta.id.replace('`', "'")),
        };
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
