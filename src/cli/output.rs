//! Where the output goes: standard output, or `--output FILE` written whole or not at all.
//!
//! `--output` writes a temporary file beside the real target (through symbolic links), gives it
//! the target's permissions (or the usual ones for a new file), and renames it into place. A
//! SIGINT or SIGTERM during the write removes the temporary file before the process ends, so no
//! partial file is ever left. A pipe closed by its reader (`| head`) is not an error.
//!
//! Standard output closed before the run (`>&-`) cannot be told apart from `/dev/null`: Rust's
//! runtime opens `/dev/null` read-write in its place before `main`, exactly as Python's
//! `subprocess.DEVNULL` and systemd's `StandardOutput=null` hand it over. Such output is
//! discarded, as asked; an earlier check that called it an error failed every run under those.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;

use briefing::render::sanitize::shown;
use briefing::{Error, SkipKind, Skipped};

use super::args::InputArgs;

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
        eprintln!(
            "warning: skipped {}: {}{hint}",
            shown(&s.path, false),
            shown(&s.reason, false)
        );
    }
}

/// Reports skipped inputs: to `--skipped FILE` (JSON lines, written atomically) with one line
/// of counts on standard error, else a warning per input (nothing with `--quiet`).
pub fn report_skipped(input: &InputArgs, skipped: &[Skipped]) -> anyhow::Result<()> {
    let Some(path) = &input.skipped else {
        warn(input.quiet, skipped);
        return Ok(());
    };
    write_atomically(path, |out| {
        for s in skipped {
            let line = serde_json::json!({"path": s.path, "kind": s.kind.label(),
                                          "reason": s.reason});
            writeln!(out, "{line}")?;
        }
        Ok(())
    })
    .context("--skipped")?;
    if !input.quiet
        && let Some(line) = briefing::render::compact::skipped_line(skipped)
    {
        eprintln!("warning: {line} (listed in {})", path.display());
    }
    Ok(())
}

/// Temporary output files being written, removed by the signal handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the SIGINT/SIGTERM handler that removes a temporary output file being written and
/// ends the process (exit 130). Called once, before any output is written.
pub fn on_signal_remove_temporary_files() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(list) = PENDING.lock() {
            for p in list.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        std::process::exit(130);
    });
}

/// Writes to standard output, or to `output` atomically (see the module docs).
pub fn emit(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out).map_err(Error::Output)?;
            out.flush().map_err(Error::Output)?;
            Ok(())
        }
        Some(path) => write_atomically(path, write),
    }
}

/// The file a path names, following symbolic links (a dangling link names its target).
fn real_target(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(next) => {
                p = match p.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    p
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let target = real_target(path);
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target.file_name().context("--output names no file")?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    let keep;
    #[cfg(unix)]
    {
        // A new file gets the usual mode (0666 less the umask), an existing one keeps its own.
        use std::os::unix::fs::PermissionsExt;
        keep = std::fs::metadata(&target).map(|m| m.permissions()).ok();
        let mode = keep.as_ref().map_or(0o666, |p| p.mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let failed = |e: io::Error| {
        anyhow::Error::from(Error::Output(e)).context(format!("writing {}", path.display()))
    };
    let tmp = builder.tempfile_in(dir).map_err(failed)?;
    let tmp_path = tmp.path().to_path_buf();
    if let Ok(mut list) = PENDING.lock() {
        list.push(tmp_path.clone());
    }
    let result = (|| -> io::Result<()> {
        let mut out = io::BufWriter::new(tmp.as_file());
        write(&mut out)?;
        out.flush()?;
        drop(out);
        tmp.as_file().sync_all()?;
        #[cfg(unix)]
        if let Some(p) = keep {
            // The umask may have narrowed the mode the file was created with.
            tmp.as_file().set_permissions(p)?;
        }
        tmp.persist(&target).map(drop).map_err(|e| e.error)
    })();
    if let Ok(mut list) = PENDING.lock() {
        list.retain(|p| p != &tmp_path);
    }
    // On failure the temporary file has been removed by `tempfile` (on drop).
    result.map_err(failed)
}
