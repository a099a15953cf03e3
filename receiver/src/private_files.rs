//! The files the receiver writes hold personal data (names, e-mail addresses and phone numbers
//! of the requesters and their colleagues): it creates them readable and writable by its own
//! user only (`0600`), and reports at start a database that others may read.
//!
//! SQLite gives the write-ahead log (`-wal`) and shared-memory (`-shm`) files it creates the
//! database file's own permissions, so creating the database `0600` covers all three.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The permissions of every file the receiver creates.
#[cfg(unix)]
const OWNER_ONLY: u32 = 0o600;

/// Creates `path` empty and readable by its owner only, unless it exists (an existing file is
/// left as it is: [`readable_by_others`] reports one that others may read).
pub fn create_if_missing(path: &Path) -> io::Result<()> {
    match owner_only().write(true).create_new(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// A new file readable by its owner only, for an export; an existing file is never
/// overwritten (it may be a copy someone else can read, or another export).
pub fn create_new(path: &Path) -> io::Result<File> {
    owner_only().write(true).create_new(true).open(path)
}

fn owner_only() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(OWNER_ONLY);
    }
    options
}

/// The database's files (the database, its `-wal` and `-shm`) that exist and that users other
/// than the owner may read, each with its permissions in octal.
pub fn readable_by_others(db: &Path) -> Vec<(PathBuf, u32)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        ["", "-wal", "-shm"]
            .iter()
            .map(|suffix| PathBuf::from(format!("{}{suffix}", db.display())))
            .filter_map(|path| {
                let mode = std::fs::metadata(&path).ok()?.permissions().mode() & 0o777;
                (mode & 0o044 != 0).then_some((path, mode))
            })
            .collect()
    }
    #[cfg(not(unix))]
    {
        let _ = db;
        Vec::new()
    }
}

/// The start-up warning for each of [`readable_by_others`].
pub fn warnings(db: &Path) -> Vec<String> {
    readable_by_others(db)
        .into_iter()
        .map(|(path, mode)| {
            format!(
                "{} can be read by other users (mode {mode:03o}), and it holds personal data: \
                 chmod 600 {0}",
                path.display()
            )
        })
        .collect()
}
