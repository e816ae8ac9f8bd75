//! The staff PIN: what a valid PIN is, how it is hashed (Argon2), and how wrong guesses are
//! slowed down. Pure: the lock takes `now` as a parameter.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use rand_core::OsRng;

pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 8;
/// Wrong PINs allowed in a row before entry locks.
pub const FREE_TRIES: u32 = 5;
pub const FIRST_LOCK: Duration = Duration::seconds(30);
pub const LONGEST_LOCK: Duration = Duration::minutes(15);

/// Whether `pin` has the shape of a PIN: 4 to 8 digits.
pub fn is_valid(pin: &str) -> bool {
    (MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// An Argon2id hash in PHC form; the PIN itself is never stored.
pub fn hash(pin: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

pub fn verify(pin: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

/// How long entry locks after the `failures`-th wrong PIN in a row: nothing for the first
/// four, then 30 s, doubling with each further failure, never more than 15 minutes.
pub fn lock_for(failures: u32) -> Option<Duration> {
    if failures < FREE_TRIES {
        return None;
    }
    let doublings = (failures - FREE_TRIES).min(10);
    Some((FIRST_LOCK * 2_i32.pow(doublings)).min(LONGEST_LOCK))
}

/// Time left before a PIN may be tried again, if entry is locked at `now`.
pub fn locked_for(locked_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<Duration> {
    locked_until
        .filter(|until| *until > now)
        .map(|until| until - now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_eight_digits() {
        assert!(is_valid("0000"));
        assert!(is_valid("12345678"));
        assert!(!is_valid("123"));
        assert!(!is_valid("123456789"));
        assert!(!is_valid("12a4"));
        assert!(!is_valid("１２３４"));
    }

    #[test]
    fn the_hash_verifies_only_the_same_pin_and_does_not_contain_it() {
        let h = hash("4821").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(!h.contains("4821"));
        assert!(verify("4821", &h));
        assert!(!verify("4822", &h));
        assert!(!verify("4821", "not a hash"));
    }

    #[test]
    fn the_lock_starts_at_the_fifth_failure_and_doubles_up_to_fifteen_minutes() {
        assert_eq!(lock_for(4), None);
        assert_eq!(lock_for(5), Some(Duration::seconds(30)));
        assert_eq!(lock_for(6), Some(Duration::seconds(60)));
        assert_eq!(lock_for(9), Some(Duration::seconds(480)));
        assert_eq!(lock_for(10), Some(Duration::minutes(15)));
        assert_eq!(lock_for(u32::MAX), Some(Duration::minutes(15)));
    }
}
