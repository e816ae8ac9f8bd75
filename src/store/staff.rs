//! The staff PIN hash and the wrong-PIN lockout state, kept so a restart keeps the lock.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::Store;
use crate::error::StoreError;

/// Consecutive wrong PINs and when entry opens again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinLock {
    pub failures: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

impl Store {
    /// The stored PIN hash (Argon2 PHC string); `None` until staff choose a PIN.
    pub fn pin_hash(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT pin_hash FROM staff WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    pub fn set_pin_hash(&mut self, hash: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE staff SET pin_hash = ?1, failures = 0, locked_until_ms = 0 WHERE id = 1",
                params![hash],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    pub fn pin_lock(&self) -> Result<PinLock, StoreError> {
        self.conn
            .query_row(
                "SELECT failures, locked_until_ms FROM staff WHERE id = 1",
                [],
                |r| {
                    let failures: i64 = r.get(0)?;
                    let until: i64 = r.get(1)?;
                    Ok(PinLock {
                        failures: failures.clamp(0, i64::from(u32::MAX)) as u32,
                        locked_until: (until > 0)
                            .then(|| DateTime::from_timestamp_millis(until))
                            .flatten(),
                    })
                },
            )
            .map_err(|e| self.fail(e))
    }

    pub fn set_pin_lock(&mut self, lock: PinLock) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE staff SET failures = ?1, locked_until_ms = ?2 WHERE id = 1",
                params![
                    i64::from(lock.failures),
                    lock.locked_until.map_or(0, |t| t.timestamp_millis())
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}
