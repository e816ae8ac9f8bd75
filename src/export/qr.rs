//! A QR code of the export, so staff can carry the counts away on a phone: the whole CSV
//! when it fits at a size a phone reads from arm's length, otherwise the totals summary.

use qrcode::{EcLevel, QrCode, Version};

/// Larger codes have modules too small to scan off a 10-inch screen at arm's length.
pub const MAX_VERSION: i16 = 20;

pub struct Qr {
    pub code: QrCode,
    /// True when the code holds only the summary because the CSV was too long.
    pub summary_only: bool,
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

/// The code for `csv`, or for `summary` when the CSV does not fit.
pub fn for_export(csv: &str, summary: &str) -> Option<Qr> {
    if let Some(code) = small_code(csv) {
        return Some(Qr {
            code,
            summary_only: false,
        });
    }
    small_code(summary).map(|code| Qr {
        code,
        summary_only: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_csv_fits_whole() {
        let qr = for_export("date,total\n2026-11-25,3\n", "visits 3").unwrap();
        assert!(!qr.summary_only);
        assert!(qr.width() >= 21);
    }

    #[test]
    fn a_long_csv_falls_back_to_the_summary() {
        let csv = "2026-11-25,Wednesday,13:30,14:30,held,3,1,2,1,1,2\n".repeat(100);
        let qr = for_export(&csv, "held 100; visits 300").unwrap();
        assert!(qr.summary_only);
    }
}
