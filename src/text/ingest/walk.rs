//! Walking folders: every regular file below a folder, sorted, hidden entries skipped.

use std::path::{Path, PathBuf};

use crate::error::{SkipKind, Skipped};

/// Collects regular files below `dir`, sorted, skipping hidden entries.
pub(crate) fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped::new(
                SkipKind::Unreadable,
                dir.display().to_string(),
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut list: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    list.sort_by_key(|e| e.file_name());
    for e in list {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, skipped),
            Ok(t) if t.is_symlink() => {
                if path.is_file() {
                    files.push(path);
                }
            }
            Ok(_) => files.push(path),
            Err(err) => skipped.push(Skipped::new(
                SkipKind::Unreadable,
                path.display().to_string(),
                format!("cannot read: {err}"),
            )),
        }
    }
}
