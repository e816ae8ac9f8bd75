//! Error types, one per layer; each turns into one plain sentence.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the attendance database at {path} could not be opened: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the attendance database at {path} is damaged or is not a database")]
    Corrupt { path: PathBuf },
    #[error("the attendance database is read-only, so nothing new can be saved")]
    ReadOnly,
    #[error("the attendance database was made by a newer version of dropin-kiosk (version {0})")]
    TooNew(i64),
    #[error(
        "the attendance database is from an older version and cannot be upgraded while read-only"
    )]
    Outdated,
    #[error("the attendance database stayed busy for too long; please try again")]
    Busy,
    #[error("the attendance database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
}

#[derive(Debug, Error)]
pub enum SettingsError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] crate::fs::WriteError),
}

/// What is wrong with the text of `settings.toml`; `crate::words::settings` says it.
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
    #[error("{0}")]
    Syntax(String),
    #[error("it has no [[topic]] with a title")]
    NoTopics,
}

#[derive(Debug, Error)]
pub enum DataDirError {
    #[error("no home folder was found to keep data in; pass --data-dir DIR")]
    NoHome,
    #[error("could not create the data folder {path}: {source}")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why the data folder's single-instance lock could not be taken.
#[derive(Debug, Error)]
pub enum LockError {
    #[error("another dropin-kiosk is already running on {}", .0.display())]
    AlreadyRunning(PathBuf),
    #[error("could not lock the data folder {}: {source}", .path.display())]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Error)]
pub enum PinFileError {
    #[error(
        "the staff PIN file {path} could not be read ({source}); set the PIN again with `dropin-kiosk set-pin`"
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the staff PIN file {path} is damaged; set the PIN again with `dropin-kiosk set-pin`")]
    Damaged { path: PathBuf },
    #[error("the PIN could not be prepared: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("the PIN file could not be written out: {0}")]
    Encode(#[from] toml::ser::Error),
    #[error(transparent)]
    Write(#[from] crate::fs::WriteError),
}
