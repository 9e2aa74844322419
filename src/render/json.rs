//! JSON: the stable schema other tools read (`briefing summarize --format json`).

use std::io::{self, Write};

use crate::pipeline::briefing::Briefing;

pub(super) fn render(b: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, b).map_err(io::Error::other)?;
    writeln!(out)?;
    out.flush()
}
