//! Where the output goes: standard output, or `--output FILE` written whole or not at all.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;

use briefing::{Error, SkipKind, Skipped};

/// Prints a warning for every skipped input, unless `quiet`.
pub fn warn(quiet: bool, skipped: &[Skipped]) {
    if quiet {
        return;
    }
    for s in skipped {
        let hint = match s.kind {
            SkipKind::DocumentLimit => " (see --max-document-bytes)",
            SkipKind::RunLimit => " (see --max-run-bytes)",
            _ => "",
        };
        eprintln!("warning: skipped {}: {}{hint}", s.path, s.reason);
    }
}

/// Writes to standard output, or to `output` through a temporary file renamed into place, so
/// that a failed run never leaves a partial file.
pub fn emit(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out).map_err(Error::Output)?;
            Ok(())
        }
        Some(path) => write_atomically(path, write),
    }
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().context("--output names no file")?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = io::BufWriter::new(file);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Output(e)).with_context(|| format!("writing {}", path.display()));
    }
    Ok(())
}
