//! The staff PIN's rules: what a valid PIN is, which are too easy, and how wrong guesses are
//! slowed down. Pure: the lock takes `now` as a parameter. Hashing (Argon2) is in `file`.

use chrono::{DateTime, Duration, Utc};

pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 8;
/// Wrong PINs allowed in a row before entry locks.
pub const FREE_TRIES: u32 = 5;
pub const FIRST_LOCK: Duration = Duration::seconds(30);
pub const LONGEST_LOCK: Duration = Duration::minutes(15);

/// Consecutive wrong PINs and when entry opens again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinLock {
    pub failures: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

impl PinLock {
    /// The lock after one more wrong PIN at `now`.
    #[must_use]
    pub fn after_failure(self, now: DateTime<Utc>) -> PinLock {
        let failures = self.failures.saturating_add(1);
        PinLock {
            failures,
            locked_until: lock_for(failures).map(|d| now + d),
        }
    }

    /// The lock as it may stand at `now`: never ending more than the longest lock from now,
    /// whatever was stored. A clock set back, or a demo run at a pretend date, would
    /// otherwise lock staff out for as long as the jump.
    #[must_use]
    pub fn clamped(self, now: DateTime<Utc>) -> PinLock {
        PinLock {
            failures: self.failures,
            locked_until: self.locked_until.map(|until| until.min(now + LONGEST_LOCK)),
        }
    }
}

/// Why a new PIN is not taken. The staff area and `set-pin` both ask [`refusal`], so a PIN
/// is refused for the same reason, in the same order, wherever it is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotFourToEight,
    TooEasy,
    /// Typed a second time, it was not the same.
    Different,
}

/// Why `pin` cannot be chosen, if it cannot: its shape first, then how easy it is to guess.
pub fn refusal(pin: &str) -> Option<Refusal> {
    if !is_valid(pin) {
        Some(Refusal::NotFourToEight)
    } else if is_too_easy(pin) {
        Some(Refusal::TooEasy)
    } else {
        None
    }
}

/// Why `first` cannot be chosen with `again` typed to confirm it, if it cannot.
pub fn refusal_of_both(first: &str, again: &str) -> Option<Refusal> {
    refusal(first).or((first != again).then_some(Refusal::Different))
}

/// Whether `pin` has the shape of a PIN: 4 to 8 digits.
pub fn is_valid(pin: &str) -> bool {
    (MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `pin` is one of the first PINs anyone would guess: one digit repeated (0000,
/// 7777) or a run up or down the keys (1234, 3456, 7890, 9876).
pub fn is_too_easy(pin: &str) -> bool {
    let digits: Vec<i16> = pin
        .bytes()
        .map(|b| i16::from(b) - i16::from(b'0'))
        .collect();
    let steps: Vec<i16> = digits
        .windows(2)
        .map(|pair| (pair[1] - pair[0]).rem_euclid(10))
        .collect();
    let Some(first) = steps.first() else {
        return true;
    };
    // 0 is one digit repeated; 1 and 9 (that is, -1) are runs, with 9 → 0 as on a keyboard row.
    [0, 1, 9].contains(first) && steps.iter().all(|s| s == first)
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

/// Time left before a PIN may be tried again, if entry is locked at `now`; never more than
/// the longest lock.
pub fn locked_for(locked_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<Duration> {
    locked_until
        .filter(|until| *until > now)
        .map(|until| (until - now).min(LONGEST_LOCK))
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
    fn the_commonest_pins_are_too_easy_and_others_are_not() {
        for easy in [
            "0000", "1111", "99999999", "1234", "12345678", "0123", "3456", "7890", "4321", "9876",
            "0987", "6543210",
        ] {
            assert!(is_too_easy(easy), "{easy}");
        }
        for fine in ["4821", "1235", "2580", "1212", "0001", "13579", "9021"] {
            assert!(!is_too_easy(fine), "{fine}");
        }
    }

    #[test]
    fn a_new_pin_is_refused_for_its_shape_first_then_for_being_easy_then_for_a_mismatch() {
        assert_eq!(refusal("4821"), None);
        assert_eq!(refusal("12"), Some(Refusal::NotFourToEight));
        // Too short and too easy: the shape is what a person can fix first.
        assert_eq!(refusal("111"), Some(Refusal::NotFourToEight));
        assert_eq!(refusal("1234"), Some(Refusal::TooEasy));
        assert_eq!(refusal_of_both("4821", "4821"), None);
        assert_eq!(refusal_of_both("4821", "4812"), Some(Refusal::Different));
        // An easy PIN typed the same twice is still too easy, and typed differently too.
        assert_eq!(refusal_of_both("1234", "1234"), Some(Refusal::TooEasy));
        assert_eq!(refusal_of_both("1234", "9999"), Some(Refusal::TooEasy));
    }

    #[test]
    fn a_lock_stored_far_ahead_is_never_longer_than_fifteen_minutes() {
        let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        let stored = PinLock {
            failures: 5,
            locked_until: Some(now + Duration::days(365)),
        };
        assert_eq!(locked_for(stored.locked_until, now), Some(LONGEST_LOCK));
        let clamped = stored.clamped(now);
        assert_eq!(clamped.locked_until, Some(now + LONGEST_LOCK));
        assert_eq!(clamped.failures, 5);
        // Once clamped, the wait runs down as usual and then ends.
        let later = now + Duration::minutes(10);
        assert_eq!(clamped.clamped(later), clamped);
        assert_eq!(
            locked_for(clamped.locked_until, later),
            Some(Duration::minutes(5))
        );
        assert_eq!(locked_for(clamped.locked_until, now + LONGEST_LOCK), None);
        let short = PinLock::default().after_failure(now);
        assert_eq!(short.clamped(now), short);
    }

    #[test]
    fn the_fifth_failure_in_a_row_locks() {
        let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        let mut lock = PinLock::default();
        for _ in 0..4 {
            lock = lock.after_failure(now);
            assert_eq!(lock.locked_until, None);
        }
        lock = lock.after_failure(now);
        assert_eq!(lock.failures, 5);
        assert_eq!(lock.locked_until, Some(now + FIRST_LOCK));
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
