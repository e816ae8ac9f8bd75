//! Attendance exports: the CSV file and the QR code, pure functions over a counted report.

pub mod csv;
pub mod destination;
pub mod dhis2;
pub mod qr;
pub mod sites;
