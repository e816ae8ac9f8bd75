//! The staff PIN hash as installs before `staff-pin.toml` kept it, read once to carry it over
//! to that file and then forgotten. The `staff` table stays for the schema's sake.

use super::Store;
use crate::error::StoreError;

impl Store {
    /// The PIN hash (Argon2 PHC string) an older install kept here, if any.
    pub fn legacy_pin_hash(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT pin_hash FROM staff WHERE id = 1", [], |r| r.get(0))
            .map_err(|e| self.fail(e))
    }

    /// Clears the old PIN and lockout, so a deleted PIN file never brings back an old PIN.
    pub fn forget_legacy_pin(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE staff SET pin_hash = NULL, failures = 0, locked_until_ms = 0 WHERE id = 1",
                [],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}
