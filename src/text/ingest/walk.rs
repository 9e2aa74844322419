//! Walking folders: every regular file below a folder, in sorted order, hidden entries skipped,
//! symbolic links followed (`walkdir`, which detects loops).
//!
//! Contract: what is not read is said: a named pipe, socket or device inside a folder is
//! skipped (reading a pipe would block the run forever), and so are a dangling symbolic link,
//! a link loop and an entry that cannot be read, each with a [`Skipped`] entry naming it.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{SkipKind, Skipped};

/// What a file that is not a regular file or a folder is, in words.
fn special_kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "not a regular file"
}

/// Collects the regular files below `dir` (see the module docs).
pub(crate) fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(e) => skipped.push(Skipped::new(
                SkipKind::NotAFile,
                e.path().display().to_string(),
                format!(
                    "not read: {}, not a regular file",
                    special_kind(e.file_type())
                ),
            )),
            Err(err) => {
                let path = err.path().unwrap_or(dir);
                let dangling = path.is_symlink() && !path.exists();
                let reason = if let Some(ancestor) = err.loop_ancestor() {
                    format!(
                        "not read: a symbolic link loop (back to {})",
                        ancestor.display()
                    )
                } else if dangling {
                    "not read: a dangling symbolic link (its target does not exist)".to_string()
                } else {
                    format!(
                        "cannot read: {}",
                        err.io_error().map_or(err.to_string(), |e| e.to_string())
                    )
                };
                skipped.push(Skipped::new(
                    SkipKind::Unreadable,
                    path.display().to_string(),
                    reason,
                ));
            }
        }
    }
}
