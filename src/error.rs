//! Error types, one per layer, as values; `crate::words::errors` turns each into one plain
//! sentence (and `Display` into English, for the log).

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    Corrupt {
        path: PathBuf,
    },
    ReadOnly,
    TooNew(i64),
    Outdated,
    Busy,
    Sqlite(#[from] rusqlite::Error),
    /// The migration list refused the file for a reason of its own, not SQLite's.
    Migration(rusqlite_migration::Error),
}

impl StoreError {
    /// Sorts a raw SQLite failure into the cases staff can act on.
    pub fn classify(err: rusqlite::Error, path: Option<&std::path::Path>) -> StoreError {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(e, _) = &err {
            match e.code {
                ErrorCode::ReadOnly => return StoreError::ReadOnly,
                ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                    return StoreError::Corrupt {
                        path: path.map(PathBuf::from).unwrap_or_default(),
                    };
                }
                _ => {}
            }
        }
        StoreError::Sqlite(err)
    }

    /// Sorts a failed migration: SQLite's own failure (a read-only or damaged file, say) as
    /// [`StoreError::classify`] does, so staff hear of it in the same words whichever query
    /// met it. Anything else `rusqlite_migration` reports (a negative `user_version`, which no
    /// version of the kiosk writes) is kept as it is.
    pub fn classify_migration(
        err: rusqlite_migration::Error,
        path: Option<&std::path::Path>,
    ) -> StoreError {
        match err {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::classify(err, path),
            other => StoreError::Migration(other),
        }
    }
}

#[derive(Debug, Error)]
pub enum SettingsError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write(#[from] crate::fs::WriteError),
}

/// What is wrong with the text of `settings.toml`, said as one line naming each wrong line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SettingsTextError {
    /// Not TOML, or a value of the wrong type; on `line` when that is known.
    Syntax {
        line: Option<usize>,
        message: String,
    },
    /// TOML that breaks the settings' rules: every problem, each on its line.
    Rules(Vec<crate::config::Problem>),
}

/// What is wrong with a course file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CourseError {
    /// Not TOML, or not shaped like a course; as the TOML reader says it.
    Syntax(String),
    NoTopics,
}

#[derive(Debug, Error)]
pub enum DataDirError {
    NoHome,
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why the data folder's single-instance lock could not be taken.
#[derive(Debug, Error)]
pub enum LockError {
    AlreadyRunning(PathBuf),
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Error)]
pub enum PinFileError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Damaged {
        path: PathBuf,
    },
    Hash(argon2::password_hash::Error),
    Encode(#[from] toml::ser::Error),
    Write(#[from] crate::fs::WriteError),
}

/// Why the kiosk window could not start. Here rather than beside the window, so the error
/// every command can end in never needs the window's module.
#[derive(Debug, Error)]
pub enum WindowError {
    Lock(#[from] LockError),
    /// What eframe said when it could not open the window or its OpenGL context.
    Window(String),
}
