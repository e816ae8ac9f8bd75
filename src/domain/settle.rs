//! A shaky double tap does what one tap does: a screen that has just appeared ignores taps
//! for a moment, and a tap during that moment makes it wait a little longer. Times are
//! seconds on the window's own monotonic clock, so a clock jump or a practice clock never
//! opens or closes the gate.

/// How long a new screen ignores taps.
pub const SETTLE_S: f64 = 0.5;
/// After a tap the screen ignored, how long the next must wait: a third tap of a shaky
/// triple tap (300 ms apart) still lands inside.
pub const AFTER_IGNORED_S: f64 = 0.4;
/// However shaky the hand, a screen takes taps this long after it appeared.
pub const LONGEST_S: f64 = 1.5;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Settle {
    appeared: f64,
    until: f64,
}

impl Settle {
    /// A new screen (or a screen whose controls moved) appeared at `at`.
    pub fn appeared(&mut self, at: f64) {
        self.appeared = at;
        self.until = at + SETTLE_S;
    }

    /// Whether a finger coming down at `at` is a tap the screen takes. One it ignores holds
    /// the gate a little longer, never past [`LONGEST_S`] after the screen appeared.
    pub fn admits(&mut self, at: f64) -> bool {
        if at >= self.until {
            return true;
        }
        self.until = self
            .until
            .max(at + AFTER_IGNORED_S)
            .min(self.appeared + LONGEST_S);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which of taps at these times (ms after the screen appeared) the screen takes.
    fn taken(taps_ms: &[u32]) -> Vec<bool> {
        let mut settle = Settle::default();
        settle.appeared(100.0);
        taps_ms
            .iter()
            .map(|ms| settle.admits(100.0 + f64::from(*ms) / 1000.0))
            .collect()
    }

    #[test]
    fn a_double_or_triple_tap_on_a_new_screen_is_ignored_and_a_later_tap_is_taken() {
        for gap in [80, 150, 300] {
            assert_eq!(taken(&[gap, 2 * gap]), vec![false, false], "{gap} ms");
        }
        assert_eq!(taken(&[700]), vec![true], "a deliberate tap");
        assert_eq!(taken(&[300, 600, 1100]), vec![false, false, true]);
    }

    #[test]
    fn a_hand_that_keeps_tapping_gets_through_after_a_second_and_a_half() {
        let taps: Vec<u32> = (1..=20).map(|i| i * 100).collect();
        let got = taken(&taps);
        let first = got.iter().position(|t| *t).unwrap();
        assert_eq!(taps[first], 1500);
    }

    #[test]
    fn the_first_screen_takes_taps_from_its_first_frame() {
        let mut settle = Settle::default();
        assert!(settle.admits(0.0));
    }
}
