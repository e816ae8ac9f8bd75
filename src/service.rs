//! What the kiosk tells systemd: READY once its first frame is drawn, and a watchdog ping
//! from every frame, so the unit (`Type=notify`, `WatchdogSec=`) restarts it when the kiosk
//! is missing or stuck instead of waiting for cage to exit.
//!
//! Under the package the kiosk is cage's child, not the service's main process, so systemd's
//! `WATCHDOG_PID` names cage: the ping period is read from `WATCHDOG_USEC` alone (the unit
//! says `NotifyAccess=all`, so systemd takes messages from the kiosk). Outside systemd (no
//! `NOTIFY_SOCKET`, no `WATCHDOG_USEC`) nothing is sent.

use std::time::Duration;

/// Says READY=1: the kiosk is on screen. Nothing happens outside systemd.
pub fn ready() {
    #[cfg(unix)]
    if let Err(err) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
        log::warn!("could not tell systemd the kiosk is ready: {err}");
    }
}

/// Says WATCHDOG=1: the kiosk is still drawing frames.
pub fn watchdog() {
    #[cfg(unix)]
    if let Err(err) = sd_notify::notify(&[sd_notify::NotifyState::Watchdog]) {
        log::warn!("could not ping systemd's watchdog: {err}");
    }
}

/// How often the window must ping the watchdog, from this process's `WATCHDOG_USEC`; `None`
/// when systemd keeps no watchdog on the kiosk.
pub fn watchdog_interval() -> Option<Duration> {
    ping_interval(std::env::var("WATCHDOG_USEC").ok().as_deref())
}

/// Half the watchdog period systemd gives in `WATCHDOG_USEC` (microseconds), as
/// `sd_watchdog_enabled(3)` advises, so one late frame never costs a restart. `None` when
/// it is unset, zero or not a number.
pub fn ping_interval(watchdog_usec: Option<&str>) -> Option<Duration> {
    let usec: u64 = watchdog_usec?.trim().parse().ok()?;
    (usec > 0).then(|| Duration::from_micros(usec) / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_pings_twice_per_watchdog_period() {
        assert_eq!(
            ping_interval(Some("30000000")),
            Some(Duration::from_secs(15))
        );
        assert_eq!(
            ping_interval(Some("1000001")),
            Some(Duration::from_nanos(500_000_500))
        );
    }

    #[test]
    fn no_watchdog_means_no_pings() {
        assert_eq!(ping_interval(None), None);
        assert_eq!(ping_interval(Some("")), None);
        assert_eq!(ping_interval(Some("0")), None);
        assert_eq!(ping_interval(Some("30s")), None);
        assert_eq!(ping_interval(Some("-5")), None);
    }
}
