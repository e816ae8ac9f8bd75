//! One integration-test binary: the real `dropin-kiosk` on temporary data folders, and the
//! kiosk screens driven headless through their labels.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers that cannot set up should stop the test"
)]

mod util;

mod backups;
mod cli;
mod cue;
mod durability;
mod groups;
mod idle;
mod languages;
mod process;
mod reliability;
mod report;
mod screens;
mod staff;
mod trust;
mod ui;
