//! JSON: the stable schema other tools read (`briefing summarize --format json`).

use std::io::{self, Write};

use crate::pipeline::briefing::Briefing;

pub(super) fn render(b: &Briefing, out: &mut dyn Write) -> io::Result<()> {
    write(b, out)
}

/// Writes a value as pretty JSON and a line break. A failed write keeps its kind, so that a
/// closed pipe is still a closed pipe to the caller.
pub(crate) fn write<T: serde::Serialize + ?Sized>(
    value: &T,
    out: &mut dyn Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    })?;
    writeln!(out)?;
    out.flush()
}
