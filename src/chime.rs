//! The chime: a soft bell made here (a few partials, each fading slowly), played with rodio
//! on the default sound device, on a thread of its own so the kiosk never waits for sound.
//! A machine with no sound device plays nothing and says so once in the log.

use std::num::NonZero;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, PoisonError};

/// Samples per second of the chime as made; rodio converts it to the device's rate.
pub const SAMPLE_RATE: u32 = 48_000;
/// How long the chime lasts.
pub const LENGTH_MS: u32 = 700;
/// The loudest sample at full volume: headroom, so no device or mixer ever clips it.
pub const PEAK: f32 = 0.8;

/// The bell's fundamental, E5: clear across a room without being shrill.
const BASE_HZ: f32 = 659.25;
/// Each partial: frequency as a multiple of the fundamental, loudness, and the time in
/// seconds it takes to fade to a third. Higher partials fade sooner, as a struck bell's do.
const PARTIALS: [(f32, f32, f32); 4] = [
    (1.0, 1.0, 0.30),
    (2.0, 0.45, 0.20),
    (2.76, 0.25, 0.14),
    (5.40, 0.10, 0.08),
];
/// A soft start and a soft end, so the speaker never clicks.
const ATTACK_S: f32 = 0.008;
const RELEASE_S: f32 = 0.040;

/// The chime at full volume, one channel at `SAMPLE_RATE`, peaking at `PEAK`.
pub fn samples() -> Vec<f32> {
    let count = (SAMPLE_RATE * LENGTH_MS / 1000) as usize;
    let length_s = count as f32 / SAMPLE_RATE as f32;
    let raw: Vec<f32> = (0..count)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let tone: f32 = PARTIALS
                .iter()
                .map(|(ratio, loudness, decay_s)| {
                    loudness
                        * (-t / decay_s).exp()
                        * (std::f32::consts::TAU * BASE_HZ * ratio * t).sin()
                })
                .sum();
            let attack = (t / ATTACK_S).min(1.0);
            let release = ((length_s - t) / RELEASE_S).clamp(0.0, 1.0);
            tone * attack * release
        })
        .collect();
    let loudest = raw.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
    let scale = if loudest > 0.0 { PEAK / loudest } else { 0.0 };
    raw.into_iter().map(|s| s * scale).collect()
}

/// The gain for a `chime_volume` of 0–100: the square, since loudness is heard roughly so,
/// and halfway sounds about half as loud.
pub fn gain(volume: u8) -> f32 {
    let v = f32::from(volume.min(100)) / 100.0;
    v * v
}

/// The chime as it leaves for the device at `volume` (0–100).
pub fn render(volume: u8) -> Vec<f32> {
    let g = gain(volume);
    samples().into_iter().map(|s| s * g).collect()
}

/// Why nothing could play.
#[derive(Debug, thiserror::Error)]
pub enum ChimeError {
    NoDevice(String),
}

/// Opens the default sound device, plays the chime at `volume` to its end and closes the
/// device again (an open device would keep a thread feeding it silence all week).
pub fn play(volume: u8) -> Result<(), ChimeError> {
    quiet_alsa();
    let mut sink = rodio::DeviceSinkBuilder::open_default_sink()
        .map_err(|e| ChimeError::NoDevice(e.to_string()))?;
    sink.log_on_drop(false);
    let player = rodio::Player::connect_new(sink.mixer());
    player.append(rodio::buffer::SamplesBuffer::new(
        NonZero::<u16>::MIN,
        NonZero::new(SAMPLE_RATE).unwrap_or(NonZero::<u32>::MIN),
        render(volume),
    ));
    player.sleep_until_end();
    // The device's own buffer still holds the faded tail; let it out before closing.
    std::thread::sleep(std::time::Duration::from_millis(150));
    Ok(())
}

/// ALSA writes its own complaints (no card, an unknown device) to stderr. On this thread
/// they go to a buffer instead, so a machine without sound says so in one sentence, ours.
fn quiet_alsa() {
    #[cfg(target_os = "linux")]
    if let Err(e) = alsa::Output::local_error_handler() {
        log::debug!("ALSA's messages still go to stderr: {e}");
    }
}

/// Whether a sound device opens, without playing anything: for `doctor`.
pub fn probe() -> Result<(), ChimeError> {
    quiet_alsa();
    let mut sink = rodio::DeviceSinkBuilder::open_default_sink()
        .map_err(|e| ChimeError::NoDevice(e.to_string()))?;
    sink.log_on_drop(false);
    Ok(())
}

/// What the kiosk last found of its sound device, for the staff area's health check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// Nothing tried yet (the chime has been off since the kiosk started).
    NotTried,
    Played,
    NoDevice(String),
}

/// What the log says when the sound device is found missing or back, once each time it
/// changes: a kiosk with no speaker would otherwise say so at every cue.
fn news(last: Option<&Heard>, now: &Heard) -> Option<(log::Level, String)> {
    match (last, now) {
        (Some(Heard::NoDevice(_)), Heard::NoDevice(_)) => None,
        (_, Heard::NoDevice(why)) => Some((
            log::Level::Warn,
            format!("no sound device, so the chime stays quiet ({why})"),
        )),
        (Some(Heard::NoDevice(_)), Heard::Played) => Some((
            log::Level::Info,
            "a sound device is there now; the chime plays".to_string(),
        )),
        _ => None,
    }
}

/// Something that can ring the chime; the kiosk's is the `Speaker`, a test's records.
pub trait Bell {
    /// Asks for the chime at `volume` (0–100) and returns at once.
    fn ring(&self, volume: u8);
    /// What the last attempt found.
    fn heard(&self) -> Heard;
}

/// The default sound device, played on a thread started at the first chime.
#[derive(Default)]
pub struct Speaker {
    tx: Mutex<Option<Sender<u8>>>,
    heard: Arc<Mutex<Option<Heard>>>,
}

impl Bell for Speaker {
    fn ring(&self, volume: u8) {
        let mut tx = self.tx.lock().unwrap_or_else(PoisonError::into_inner);
        let sent = tx.as_ref().is_some_and(|tx| tx.send(volume).is_ok());
        if sent {
            return;
        }
        let (new_tx, rx) = mpsc::channel::<u8>();
        let heard = Arc::clone(&self.heard);
        let started = std::thread::Builder::new()
            .name("chime".into())
            .spawn(move || {
                for volume in rx {
                    let now = match play(volume) {
                        Ok(()) => Heard::Played,
                        Err(ChimeError::NoDevice(why)) => Heard::NoDevice(why),
                    };
                    let mut last = heard.lock().unwrap_or_else(PoisonError::into_inner);
                    if let Some((level, line)) = news(last.as_ref(), &now) {
                        log::log!(level, "{line}");
                    }
                    *last = Some(now);
                }
            });
        match started {
            Ok(_) => {
                let _ = new_tx.send(volume);
                *tx = Some(new_tx);
            }
            Err(e) => log::error!("the chime could not start its thread: {e}"),
        }
    }

    fn heard(&self) -> Heard {
        self.heard
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or(Heard::NotTried)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peak(samples: &[f32]) -> f32 {
        samples.iter().fold(0.0, |m, s| m.max(s.abs()))
    }

    fn rms(samples: &[f32]) -> f32 {
        (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt()
    }

    #[test]
    fn the_chime_lasts_700_ms_peaks_below_full_scale_and_never_clips() {
        let full = render(100);
        assert_eq!(full.len(), 48_000 * 7 / 10);
        assert!((peak(&full) - PEAK).abs() < 1e-4, "{}", peak(&full));
        assert!(full.iter().all(|s| s.is_finite() && s.abs() < 1.0));
        // It starts and ends at silence: no click.
        assert!(full[0].abs() < 1e-3 && full[full.len() - 1].abs() < 1e-3);
    }

    #[test]
    fn the_chime_fades_like_a_bell() {
        let full = render(100);
        let tenth = full.len() / 7;
        let first = rms(&full[..tenth]);
        let last = rms(&full[full.len() - tenth..]);
        assert!(last < first / 5.0, "first {first}, last {last}");
    }

    #[test]
    fn a_missing_sound_device_is_logged_once_and_its_return_once() {
        let none = Heard::NoDevice("no card".into());
        let first = news(None, &none);
        assert_eq!(first.map(|(level, _)| level), Some(log::Level::Warn));
        assert_eq!(news(Some(&none), &none), None, "not again at the next cue");
        assert!(news(Some(&none), &Heard::Played).is_some());
        assert_eq!(news(Some(&Heard::Played), &Heard::Played), None);
        assert_eq!(news(None, &Heard::Played), None);
    }

    #[test]
    fn the_volume_setting_scales_the_chime_and_zero_is_silence() {
        assert!((peak(&render(50)) - PEAK * 0.25).abs() < 1e-4);
        assert!(peak(&render(0)) == 0.0);
        assert!(peak(&render(100)) > peak(&render(80)));
    }
}
