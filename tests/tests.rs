//! One integration-test binary: the real `dropin-kiosk` on temporary data folders, and the
//! kiosk screens driven headless through their labels.

mod util;

mod cli;
mod staff;
mod ui;
