//! Plain text: for terminals and plain-text email bodies.

use std::io::{self, Write};

use super::{footnotes, heading};
use crate::pipeline::briefing::Briefing;

pub(super) fn render(b: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", heading(b))?;
    writeln!(out)?;
    for (i, (s, notes)) in b.sentences.iter().zip(footnotes(b)).enumerate() {
        let cites: String = notes.iter().map(|n| format!("[{n}]")).collect();
        writeln!(out, "{}. {} {}", i + 1, s.text, cites)?;
    }
    if b.sentences.is_empty() {
        writeln!(out, "(no sentence fits the budget)")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} {} of {} · {} article{} · {}",
        b.budget.used,
        b.budget.unit,
        b.budget.limit,
        b.documents.len(),
        if b.documents.len() == 1 { "" } else { "s" },
        b.language.code()
    )?;
    for (i, d) in b.documents.iter().enumerate() {
        match &d.meta.title {
            Some(t) if Some(t) != b.title.as_ref() => {
                writeln!(out, "[{}] {} — {}", i + 1, d.meta.id, t)?
            }
            _ => writeln!(out, "[{}] {}", i + 1, d.meta.id)?,
        }
    }
    for s in &b.skipped {
        writeln!(out, "skipped: {}: {}", s.path, s.reason)?;
    }
    if let Some(cands) = &b.candidates {
        writeln!(out)?;
        writeln!(
            out,
            "Candidates (best first): score centroid lexrank position length signature support"
        )?;
        for c in cands {
            let cells = super::candidate_cells(c, str::to_owned);
            writeln!(out, "{}\n    {}", cells.join(" "), c.text)?;
        }
    }
    out.flush()
}
