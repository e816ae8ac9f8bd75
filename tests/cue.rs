//! The facilitator's cue (SPEC §15): the timer panel's one slow pulse and the chime at
//! wrap-up and at the end, never late or twice; the chime on a sound device and on none; and
//! the QR code's own view, whole at every screen size, decoded from what the screen draws.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Duration;
use dropin_kiosk::chime::{Bell, Heard};
use egui::epaint::{RectShape, Shape};
use egui::{Color32, Rect};
use egui_kittest::kittest::Queryable as _;

use crate::staff::set_up_staff;
use crate::util::{DataFolder, Tablet};

/// One second before wrap-up begins on Wednesday 2026-11-25 (13:30–14:30 in Los Angeles).
const BEFORE_WRAP_UP: &str = "2026-11-25T14:24:59-08:00";

/// A bell that only notes each volume it was asked to ring at.
#[derive(Clone, Default)]
struct Rings(Rc<RefCell<Vec<u8>>>);

impl Bell for Rings {
    fn ring(&self, volume: u8) {
        self.0.borrow_mut().push(volume);
    }
    fn heard(&self) -> Heard {
        Heard::NotTried
    }
}

impl Rings {
    fn count(&self) -> usize {
        self.0.borrow().len()
    }
}

/// A tablet at `at` whose settings say `chime = "<chime>"`, its bell recording.
fn tablet_with_chime(at: &str, chime: &str) -> (Tablet, Rings) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("assets/settings.toml")
        .unwrap()
        .replace("chime = \"off\"", &format!("chime = \"{chime}\""));
    std::fs::write(dir.path().join("settings.toml"), text).unwrap();
    let mut t = Tablet::in_dir(dir, at);
    let rings = Rings::default();
    t.harness.state_mut().set_bell(rings.clone());
    (t, rings)
}

/// Every filled rectangle the last frame painted, nested shapes included.
fn filled_rects(t: &Tablet) -> Vec<RectShape> {
    fn walk(shape: &Shape, out: &mut Vec<RectShape>) {
        match shape {
            Shape::Rect(rect) if rect.fill != Color32::TRANSPARENT => out.push(rect.clone()),
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &t.harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The fill of the timer panel: the smallest filled rectangle around the countdown's words.
fn panel_fill(t: &Tablet) -> Color32 {
    let words = t.harness.get_by_label_contains("left").rect();
    filled_rects(t)
        .into_iter()
        .filter(|r| r.rect.contains_rect(words) && r.rect.width() < 1279.0)
        .min_by(|a, b| a.rect.area().total_cmp(&b.rect.area()))
        .map(|r| r.fill)
        .unwrap()
}

fn repaint_delay(t: &Tablet) -> std::time::Duration {
    t.harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn the_timer_panel_pulses_once_slowly_when_wrap_up_begins_then_rests() {
    let (mut t, rings) = tablet_with_chime(BEFORE_WRAP_UP, "off");
    let (in_session, _) =
        dropin_kiosk::ui::theme::phase_colors(dropin_kiosk::domain::timer::Phase::InSession);
    assert_eq!(panel_fill(&t), in_session);
    let (wrap_up, _) =
        dropin_kiosk::ui::theme::phase_colors(dropin_kiosk::domain::timer::Phase::WrapUp);
    // 14:25:00: wrap-up begins, and its pulse with it.
    t.wait(Duration::seconds(1));
    let start = panel_fill(&t);
    t.wait(Duration::milliseconds(500));
    let quarter = panel_fill(&t);
    t.wait(Duration::milliseconds(500));
    let height = panel_fill(&t);
    assert_eq!(start, wrap_up, "the pulse starts from the panel as it is");
    assert_ne!(quarter, wrap_up, "half a second in, the panel has changed");
    assert_ne!(height, quarter, "a second in, it has changed further");
    // While it pulses the window repaints often; once it is over, only as the seconds tick.
    assert!(repaint_delay(&t) <= std::time::Duration::from_millis(50));
    t.wait(Duration::milliseconds(1_100));
    assert_eq!(
        panel_fill(&t),
        wrap_up,
        "after two seconds the panel is as before"
    );
    assert!(repaint_delay(&t) >= std::time::Duration::from_millis(400));
    // Staff left the chime off: nothing rang.
    assert_eq!(rings.count(), 0);
}

#[test]
fn the_chime_rings_at_wrap_up_and_at_the_end_once_each_when_staff_chose_both() {
    let (mut t, rings) = tablet_with_chime(BEFORE_WRAP_UP, "wrap_up_and_end");
    t.wait(Duration::seconds(1));
    assert_eq!(
        *rings.0.borrow(),
        vec![60],
        "wrap-up, at the settings' volume"
    );
    for _ in 0..4 {
        t.wait(Duration::seconds(1));
    }
    assert_eq!(rings.count(), 1, "never twice for one moment");
    // 14:30:00, the end.
    t.wait(Duration::seconds(296));
    assert_eq!(rings.count(), 2);
    assert!(t.has_text_containing("ended"));
}

#[test]
fn the_chime_at_wrap_up_only_stays_quiet_at_the_end() {
    let (mut t, rings) = tablet_with_chime(BEFORE_WRAP_UP, "wrap_up");
    t.wait(Duration::seconds(1));
    t.wait(Duration::seconds(300));
    assert_eq!(rings.count(), 1);
}

#[test]
fn a_restart_in_the_middle_of_wrap_up_neither_pulses_nor_chimes() {
    let (mut t, rings) = tablet_with_chime("2026-11-25T14:27:00-08:00", "wrap_up_and_end");
    let (wrap_up, _) =
        dropin_kiosk::ui::theme::phase_colors(dropin_kiosk::domain::timer::Phase::WrapUp);
    t.wait(Duration::milliseconds(500));
    assert_eq!(panel_fill(&t), wrap_up);
    assert_eq!(rings.count(), 0);
}

#[test]
fn a_clock_set_back_past_wrap_up_does_not_chime_it_again() {
    let (mut t, rings) = tablet_with_chime(BEFORE_WRAP_UP, "wrap_up");
    t.wait(Duration::seconds(1));
    assert_eq!(rings.count(), 1);
    t.clock
        .set(crate::util::instant("2026-11-25T14:24:00-08:00"));
    t.wait(Duration::seconds(60));
    t.wait(Duration::seconds(1));
    assert_eq!(rings.count(), 1);
}

#[test]
fn staff_choose_the_chime_and_its_volume_in_settings() {
    let mut t = Tablet::at("2026-11-25T12:00:00-08:00");
    let rings = Rings::default();
    t.harness.state_mut().set_bell(rings.clone());
    set_up_staff(&mut t);
    t.tap("Settings");
    t.tap("At wrap-up and the end");
    crate::staff::set_text(&mut t, "Chime volume (0–100)", "30");
    t.tap("Play the chime");
    assert_eq!(*rings.0.borrow(), vec![30], "staff hear it before saving");
    t.tap("Save settings");
    let saved = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert!(saved.contains("chime = \"wrap_up_and_end\""), "{saved}");
    assert!(saved.contains("chime_volume = 30"), "{saved}");
    crate::staff::set_text(&mut t, "Chime volume (0–100)", "130");
    t.tap("Save settings");
    assert!(t.has("Chime volume (0–100) must be a whole number from 0 to 100."));
    let kept = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert!(kept.contains("chime_volume = 30"), "{kept}");
}

/// A data folder whose ALSA configuration (in its `HOME`) makes the default sound device
/// `pcm`: ALSA's null device, which takes the sound and plays it nowhere, or a card that
/// is not there.
fn run_chime_with_alsa(pcm: &str, args: &[&str]) -> crate::util::Run {
    let kiosk = DataFolder::new();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join(".asoundrc"), pcm).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .arg("--data-dir")
        .arg(kiosk.path())
        .args(args)
        .env("HOME", home.path())
        .output()
        .unwrap();
    crate::util::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const NULL_DEVICE: &str = "pcm.!default { type null }\nctl.!default { type hw card 0 }\n";
const NO_CARD: &str = "pcm.!default { type hw card 57 }\n";

#[test]
fn the_chime_command_plays_the_chime_on_alsas_null_device() {
    let run = run_chime_with_alsa(NULL_DEVICE, &["chime"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "Played the chime at volume 60 on the default sound device."
    );
    let run = run_chime_with_alsa(NULL_DEVICE, &["doctor"]);
    assert!(
        run.stdout
            .contains("sound for the chime: ok (a sound device plays it)"),
        "{}",
        run.stdout
    );
}

#[test]
fn with_no_sound_device_the_chime_command_says_so_in_one_line_and_doctor_too() {
    let run = run_chime_with_alsa(NO_CARD, &["chime"]);
    assert_ne!(run.code, 0);
    let last = run.stderr.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.contains("no sound device to play the chime on"),
        "{}",
        run.stderr
    );
    let run = run_chime_with_alsa(NO_CARD, &["doctor"]);
    assert!(
        run.stdout
            .contains("sound for the chime: ok (no sound device, and the chime is off"),
        "{}",
        run.stdout
    );
}

/// The QR code the screen draws, read back from its painted modules as a phone would.
fn decode_drawn_qr(t: &Tablet) -> String {
    let code = t.harness.get_by_label("QR code of the export").rect();
    // Four pixels per point, so even the smallest module is several pixels across.
    let scale = 4.0;
    let (w, h) = (
        (code.width() * scale).ceil() as usize,
        (code.height() * scale).ceil() as usize,
    );
    let mut grey = vec![255u8; w * h];
    for r in filled_rects(t) {
        if r.fill != Color32::BLACK || !code.expand(0.5).contains_rect(r.rect) {
            continue;
        }
        let at = |v: f32, from: f32| ((v - from) * scale).round() as usize;
        let Rect { min, max } = r.rect;
        for y in at(min.y, code.min.y)..at(max.y, code.min.y).min(h) {
            for x in at(min.x, code.min.x)..at(max.x, code.min.x).min(w) {
                grey[y * w + x] = 0;
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found in what the screen drew");
    grids[0].decode().unwrap().1
}

/// A tablet of `size` with two sign-ins today, on the QR code's own view.
fn qr_view(size: [f32; 2]) -> Tablet {
    let mut t = Tablet::sized(
        tempfile::tempdir().unwrap(),
        "2026-11-25T13:56:00-08:00",
        size,
    );
    for _ in 0..2 {
        t.tap("Count me in — no name");
        t.tap("Done");
    }
    set_up_staff(&mut t);
    t.tap("Export");
    t.tap("Show the QR code");
    t
}

#[test]
fn the_qr_view_shows_the_code_whole_and_a_phone_reads_the_cli_export_from_it() {
    for size in [[800.0, 480.0], [1280.0, 800.0]] {
        let t = qr_view(size);
        assert!(t.has("Scan with a phone to take the whole CSV."));
        let text = decode_drawn_qr(&t);
        // The same folder, through the command line, at the same instant.
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(t.dir.path())
            .args(["--pretend-now", "2026-11-25T13:56:00-08:00"])
            .args(["export", "--from", "2026-10-29", "--to", "2026-11-25"])
            .env("TMPDIR", env!("CARGO_TARGET_TMPDIR"))
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(text.contains("2026-11-25,Wednesday"), "{text}");
        assert_eq!(text, String::from_utf8_lossy(&run.stdout), "at {size:?}");
    }
}

#[test]
fn the_qr_view_fits_whole_and_large_at_every_screen_size() {
    for size in [
        [800.0, 480.0],
        [1024.0, 600.0],
        [1280.0, 800.0],
        [1920.0, 1200.0],
        [720.0, 1280.0],
    ] {
        let mut t = qr_view(size);
        let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::from(size));
        let code = t.harness.get_by_label("QR code of the export").rect();
        assert!(screen.contains_rect(code), "{code:?} at {size:?}");
        // As large as the screen allows: most of the shorter side, after the one line above.
        let short = size[0].min(size[1]);
        assert!(code.width() >= short * 0.6, "{code:?} at {size:?}");
        t.tap("Back to export");
        assert!(t.has("Show the QR code"));
    }
}

/// Where the words `text` were painted, and their size in points.
fn text_rect(t: &Tablet, text: &str) -> (Rect, f32) {
    fn walk(shape: &Shape, text: &str, out: &mut Option<(Rect, f32)>) {
        match shape {
            Shape::Text(s) if s.galley.text() == text => {
                let size = s.galley.job.sections[0].format.font_id.size;
                *out = Some((s.visual_bounding_rect(), size));
            }
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, text, out)),
            _ => {}
        }
    }
    let mut found = None;
    for clipped in &t.harness.output().shapes {
        walk(&clipped.shape, text, &mut found);
    }
    found.unwrap()
}

#[test]
fn portrait_home_gives_the_ways_in_large_centred_words_and_the_room_below_the_schedule() {
    let t = Tablet::sized(
        tempfile::tempdir().unwrap(),
        "2026-11-25T13:56:00-08:00",
        [720.0, 1280.0],
    );
    // Drawn at the screen's full scale, not shrunk to fit.
    let base = dropin_kiosk::ui::scale::base_scale(egui::vec2(720.0, 1280.0));
    let sizes = dropin_kiosk::ui::theme::sizes(&t.harness.ctx);
    assert!((sizes.scale - base).abs() < 1e-3, "{sizes:?}");
    let landscape = Tablet::at("2026-11-25T13:56:00-08:00");
    let mut tops = Vec::new();
    for label in ["Sign in with my first name", "Count me in — no name"] {
        let button = t.harness.get_by_label(label).rect();
        let (words, size) = text_rect(&t, label);
        assert!(
            (words.center().x - button.center().x).abs() < 2.0,
            "{label}: words at {words:?} in {button:?}"
        );
        // The landscape design size at this screen's scale (1.125 here, 1.25 at 1280×800).
        let (_, wide) = text_rect(&landscape, label);
        assert!(
            (size - dropin_kiosk::ui::theme::BIG_BUTTON_SIZE * base).abs() < 0.01,
            "{size}"
        );
        assert!(size >= wide * 0.89, "{size} vs {wide}");
        tops.push(button);
    }
    // The ways in take the room between the schedule and the welcome line: no empty band.
    let welcome = t
        .harness
        .get_by_label("Everyone is welcome, whenever you arrive.")
        .rect();
    assert!(
        welcome.top() - tops[1].bottom() < 40.0,
        "{:?} {welcome:?}",
        tops[1]
    );
    // The language button's row takes its share of the band; each way in stays well over
    // twice a touch target's height.
    assert!(tops[0].height() >= 150.0, "{:?}", tops[0]);
}
