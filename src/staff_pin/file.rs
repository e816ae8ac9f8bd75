//! The staff PIN of a data folder, in its own small file (`staff-pin.toml`): the Argon2id
//! hash and the wrong-PIN lockout. Kept apart from `kiosk.db`, so a damaged or deleted
//! database never lets whoever is at the tablet choose a new PIN.

use std::path::Path;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::PinLock;
use crate::error::PinFileError;

const HEADER: &str = "\
# The staff PIN of this data folder: an Argon2id hash (never the PIN itself) and the
# wrong-PIN lockout. To set a new PIN, run `dropin-kiosk set-pin`.
";

/// The PIN as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffPin {
    pub hash: String,
    pub lock: PinLock,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    hash: String,
    #[serde(default)]
    failures: u32,
    /// 0 when entry is not locked.
    #[serde(default)]
    locked_until_ms: i64,
}

/// The folder's PIN; `None` only when the file does not exist, that is, no PIN was ever set.
pub fn load(path: &Path) -> Result<Option<StaffPin>, PinFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(PinFileError::Damaged {
                path: path.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(PinFileError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let damaged = || PinFileError::Damaged {
        path: path.to_path_buf(),
    };
    let record: Record = toml::from_str(&text).map_err(|_| damaged())?;
    if !is_hash(&record.hash) {
        return Err(damaged());
    }
    let locked_until = match record.locked_until_ms {
        0 => None,
        ms => Some(DateTime::from_timestamp_millis(ms).ok_or_else(damaged)?),
    };
    Ok(Some(StaffPin {
        hash: record.hash,
        lock: PinLock {
            failures: record.failures,
            locked_until,
        },
    }))
}

/// Writes the whole file at once (a private temporary file renamed into place).
pub fn save(path: &Path, staff_pin: &StaffPin) -> Result<(), PinFileError> {
    let record = Record {
        hash: staff_pin.hash.clone(),
        failures: staff_pin.lock.failures,
        locked_until_ms: staff_pin
            .lock
            .locked_until
            .map_or(0, |t: DateTime<Utc>| t.timestamp_millis()),
    };
    let body = toml::to_string(&record)?;
    crate::fs::replace(path, format!("{HEADER}{body}").as_bytes())?;
    Ok(())
}

/// Sets a new PIN (the caller has checked it), with no lockout.
pub fn set(path: &Path, new_pin: &str) -> Result<(), PinFileError> {
    let hash = hash(new_pin)?;
    save(
        path,
        &StaffPin {
            hash,
            lock: PinLock::default(),
        },
    )
}

/// An Argon2id hash in PHC form; the PIN itself is never stored.
pub fn hash(pin: &str) -> Result<String, PinFileError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(PinFileError::Hash)
}

pub fn verify(pin: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

/// Whether `stored` is a hash this module can check a PIN against.
pub fn is_hash(stored: &str) -> bool {
    PasswordHash::new(stored).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_means_no_pin_was_ever_set() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("staff-pin.toml")).unwrap(), None);
    }

    #[test]
    fn the_file_keeps_the_hash_and_the_lock_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staff-pin.toml");
        set(&path, "4821").unwrap();
        let mut saved = load(&path).unwrap().unwrap();
        assert!(verify("4821", &saved.hash));
        assert_eq!(saved.lock, PinLock::default());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("$argon2id$") && !text.contains("4821"),
            "{text}"
        );

        saved.lock = PinLock {
            failures: 6,
            locked_until: DateTime::from_timestamp_millis(1_795_000_000_123),
        };
        save(&path, &saved).unwrap();
        assert_eq!(load(&path).unwrap().unwrap(), saved);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_that_names_set_pin_never_a_missing_pin() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staff-pin.toml");
        for text in [
            "",
            "hash = \"not a hash\"\n",
            "hash = \"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA\"\nfailures = -1\n",
            "\u{0}\u{1}\u{2}",
        ] {
            std::fs::write(&path, text).unwrap();
            let err = load(&path).unwrap_err();
            assert!(err.to_string().contains("dropin-kiosk set-pin"), "{err}");
        }
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(load(&path), Err(PinFileError::Damaged { .. })));
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert!(
            load(&path).is_err(),
            "a folder in its place is not a missing PIN"
        );
    }

    #[test]
    fn the_hash_verifies_only_the_same_pin_and_does_not_contain_it() {
        let h = hash("4821").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(!h.contains("4821"));
        assert!(verify("4821", &h));
        assert!(!verify("4822", &h));
        assert!(!verify("4821", "not a hash"));
        assert!(is_hash(&h));
        assert!(!is_hash("not a hash"));
    }
}
