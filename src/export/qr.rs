//! A QR code of the export, so staff can carry the counts away on a phone: the CSV staff
//! chose when it fits at a size a phone reads from arm's length, otherwise the monthly
//! summary, otherwise the one-line totals.

use qrcode::{EcLevel, QrCode, Version};

/// Larger codes have modules too small to scan off a 10-inch screen at arm's length.
pub const MAX_VERSION: i16 = 20;

/// What a code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// The CSV staff chose, whole.
    Chosen,
    /// The monthly summary CSV, because the chosen one was too long.
    Monthly,
    /// Only the one-line totals, because even the monthly summary was too long.
    Totals,
}

pub struct Qr {
    pub code: QrCode,
    pub holds: Holds,
}

impl Qr {
    /// Modules per side (without the quiet zone).
    pub fn width(&self) -> usize {
        self.code.width()
    }

    /// Whether the module at (x, y) is dark.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.code[(x, y)] == qrcode::Color::Dark
    }
}

fn small_code(text: &str) -> Option<QrCode> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    match code.version() {
        Version::Normal(v) if v <= MAX_VERSION => Some(code),
        _ => None,
    }
}

/// The code for `chosen`, or for `monthly` when it does not fit, or for `totals`.
pub fn for_export(chosen: &str, monthly: &str, totals: &str) -> Option<Qr> {
    [
        (chosen, Holds::Chosen),
        (monthly, Holds::Monthly),
        (totals, Holds::Totals),
    ]
    .into_iter()
    .find_map(|(text, holds)| small_code(text).map(|code| Qr { code, holds }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_csv_fits_whole() {
        let qr = for_export("date,total\n2026-11-25,3\n", "month\n", "visits 3").unwrap();
        assert_eq!(qr.holds, Holds::Chosen);
        assert!(qr.width() >= 21);
    }

    #[test]
    fn a_long_csv_falls_back_to_the_monthly_summary_then_the_totals() {
        let csv = "2026-11-25,Wednesday,13:30,14:30,Drop-in,held,3,1,2,1,1,2\n".repeat(100);
        let monthly = "2026-11,Drop-in,12,1,90,7.5,5,0\n";
        let qr = for_export(&csv, monthly, "held 100; visits 300").unwrap();
        assert_eq!(qr.holds, Holds::Monthly);
        let qr = for_export(&csv, &csv, "held 100; visits 300").unwrap();
        assert_eq!(qr.holds, Holds::Totals);
    }
}
