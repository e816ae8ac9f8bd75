//! The staff PIN in one place: its rules (`rules`: which PINs are allowed, how wrong guesses
//! are slowed down; pure, with `now` passed in) and its file (`file`: `staff-pin.toml`, the
//! Argon2id hash and the lockout).

mod file;
pub mod rules;

pub use file::{StaffPin, hash, is_hash, load, save, set, verify};
pub use rules::PinLock;
