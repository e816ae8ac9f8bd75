//! Helpers: a temporary data folder with a way to run the real binary on it (`DataFolder`),
//! and the kiosk screens on a headless tablet driven through their labels (`Tablet`).
#![expect(
    clippy::unwrap_used,
    reason = "a test helper that cannot set up should stop the test"
)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use dropin_kiosk::app::{Kiosk, Screen};
use dropin_kiosk::clock::FixedClock;
use dropin_kiosk::data::DataDir;
use dropin_kiosk::ui::theme;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

pub struct DataFolder {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl DataFolder {
    /// A fresh data folder in Los Angeles time, with the default Mon/Wed/Fri schedule.
    pub fn new() -> DataFolder {
        let kiosk = DataFolder::empty();
        let text = std::fs::read_to_string("assets/settings.toml").unwrap();
        std::fs::write(kiosk.settings_path(), text).unwrap();
        kiosk
    }

    /// A data folder that does not exist yet, as on a first run.
    pub fn empty() -> DataFolder {
        let dir = tempfile::tempdir().unwrap();
        DataFolder { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn settings_path(&self) -> PathBuf {
        self.path().join("settings.toml")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(self.path())
            .args(args)
            // Practice folders other runs on this machine left are not this test's.
            .env("TMPDIR", env!("CARGO_TARGET_TMPDIR"))
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs with `input` piped to standard input, as an install script would.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(self.path())
            .args(args)
            // Practice folders other runs on this machine left are not this test's.
            .env("TMPDIR", env!("CARGO_TARGET_TMPDIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?} failed: {}", run.stderr);
        run.stdout
    }
}

impl Run {
    /// A failure the way a person should see it: one line on stderr, non-zero exit, no panic.
    pub fn assert_one_line_failure(&self) {
        assert_ne!(self.code, 0, "expected a failure, got: {}", self.stdout);
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "stderr: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }
}

/// Every file under `root` whose bytes hold `needle` in any letter case, as `strings` and
/// `grep -ri` would find it: the database, its WAL, damaged copies, exports, anything.
pub fn files_containing(root: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.to_ascii_lowercase().into_bytes();
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap().to_ascii_lowercase();
            if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

pub struct Tablet {
    pub harness: Harness<'static, Kiosk>,
    pub clock: FixedClock,
    pub dir: tempfile::TempDir,
    /// Seconds of egui's clock per frame.
    pub step_s: f32,
}

/// How long a person looks at a new screen before tapping: past its settle time.
const LOOK_S: f32 = 0.6;
/// Frames of a fine-grained tablet: 10 ms each, to time a shaky double tap.
const FINE_STEP_S: f32 = 0.01;

pub fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

impl Tablet {
    /// A kiosk on the default schedule in Los Angeles, its clock stopped at `at`.
    pub fn at(at: &str) -> Tablet {
        let dir = tempfile::tempdir().unwrap();
        Tablet::in_dir(dir, at)
    }

    pub fn in_dir(dir: tempfile::TempDir, at: &str) -> Tablet {
        Tablet::build(dir, at, false, [1280.0, 800.0], 0.25)
    }

    /// Makes `drives` the USB drives the staff area finds plugged in.
    pub fn offer_drives(&mut self, drives: Vec<std::path::PathBuf>) {
        self.harness
            .state_mut()
            .set_drive_source(move || drives.clone());
    }

    /// A tablet with a screen of `size` points, on the data folder `dir`.
    pub fn sized(dir: tempfile::TempDir, at: &str, size: [f32; 2]) -> Tablet {
        Tablet::build(dir, at, false, size, 0.25)
    }

    /// A tablet whose frames are 10 ms apart, so taps can be timed as a shaky hand makes them.
    pub fn fine_grained(at: &str) -> Tablet {
        Tablet::build(
            tempfile::tempdir().unwrap(),
            at,
            false,
            [1280.0, 800.0],
            FINE_STEP_S,
        )
    }

    /// As the real window does, draws a box for a character no font has (an emoji, say)
    /// instead of failing the test.
    pub fn drawing_boxes_for_missing_glyphs(at: &str) -> Tablet {
        Tablet::build(
            tempfile::tempdir().unwrap(),
            at,
            true,
            [1280.0, 800.0],
            0.25,
        )
    }

    fn build(
        dir: tempfile::TempDir,
        at: &str,
        allow_missing_glyphs: bool,
        size: [f32; 2],
        step_s: f32,
    ) -> Tablet {
        let settings = dir.path().join("settings.toml");
        if !settings.exists() {
            std::fs::write(
                &settings,
                std::fs::read_to_string("assets/settings.toml").unwrap(),
            )
            .unwrap();
        }
        let clock = FixedClock::new(instant(at));
        let data = DataDir::prepare(dir.path()).unwrap();
        let kiosk = Kiosk::new(data, Arc::new(clock.clone()));
        let mut builder = Harness::builder()
            .with_size(size)
            // A screen that does not fit at first is drawn again, smaller, for a few frames.
            .with_max_steps(12)
            .with_step_dt(step_s)
            .with_context_setup(theme::apply);
        if allow_missing_glyphs {
            builder = builder.allow_missing_glyphs();
        }
        let harness = builder.build_ui_state(dropin_kiosk::ui::frame::show, kiosk);
        let mut tablet = Tablet {
            harness,
            clock,
            dir,
            step_s,
        };
        tablet.harness.run();
        tablet
    }

    /// Chooses `lang` on Home as a person would: its own name in the row, or the one
    /// language button and then its name on the chooser.
    pub fn choose_language(&mut self, lang: dropin_kiosk::domain::lang::Lang) {
        let locales = self.kiosk().locales();
        let name = locales.tr(lang).name().to_string();
        if locales.languages().count() > dropin_kiosk::ui::home::LANGUAGES_IN_A_ROW {
            self.open_language_chooser();
        }
        self.tap(&name);
    }

    /// Taps Home's one language button, found by its first word: the word in the language on
    /// screen (the button shows as many other languages' words as fit).
    pub fn open_language_chooser(&mut self) {
        let words = dropin_kiosk::ui::home::language_button_words(
            self.kiosk().locales(),
            self.kiosk().visit.lang,
        );
        let first = words[0].clone();
        self.harness.get_by_label_contains(&first).scroll_to_me();
        self.harness.run();
        self.pause(LOOK_S);
        self.harness.get_by_label_contains(&first).click();
        self.harness.run();
    }

    /// The message `id` in the language on screen.
    pub fn words(&self, id: &str) -> String {
        self.kiosk().locales().tr(self.kiosk().visit.lang).t(id)
    }

    /// Scrolls the control into view and looks at the screen a moment, as a person would,
    /// then taps it.
    pub fn tap(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.pause(LOOK_S);
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    /// Lets `seconds` of frames pass with nothing touched.
    pub fn pause(&mut self, seconds: f32) {
        for _ in 0..(seconds / self.step_s).ceil() as usize {
            self.harness.step();
        }
    }

    /// `taps` taps on `label` near its left end, where its words begin (any point of a
    /// control is a fair tap, and there the next screen's buttons lie under the finger),
    /// each finger down for 40 ms, `gap_ms` apart from one finger down to the next: a shaky
    /// hand's double or triple tap. Needs a `fine_grained` tablet.
    pub fn shaky_taps(&mut self, label: &str, taps: usize, gap_ms: u32) {
        assert!(self.step_s <= FINE_STEP_S, "a shaky tap needs 10 ms frames");
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.pause(LOOK_S);
        let rect = self.harness.get_by_label(label).rect();
        let pos = egui::pos2(rect.left() + rect.width() * 0.1, rect.center().y);
        let frames = |ms: u32| (ms as f32 / 1000.0 / self.step_s).round() as usize;
        let (hold, gap) = (frames(40), frames(gap_ms));
        self.harness.event(egui::Event::PointerMoved(pos));
        self.harness.step();
        for _ in 0..taps {
            for (pressed, wait) in [(true, hold), (false, gap - hold)] {
                self.harness.event(egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    modifiers: egui::Modifiers::NONE,
                });
                for _ in 0..wait {
                    self.harness.step();
                }
            }
        }
        self.harness.run();
    }

    pub fn has(&self, label: &str) -> bool {
        self.harness.query_by_label(label).is_some()
    }

    pub fn has_text_containing(&self, text: &str) -> bool {
        self.harness.query_by_label_contains(text).is_some()
    }

    pub fn wait(&mut self, by: Duration) {
        self.clock.advance(by);
        // A frame at the new time, as the repaint timer would bring.
        self.harness.step();
        self.harness.run();
    }

    pub fn kiosk(&self) -> &Kiosk {
        self.harness.state()
    }

    /// What the staff area says about the attendance database, in English; empty when
    /// nothing is wrong with it.
    pub fn store_problem(&self) -> String {
        self.kiosk()
            .store_problem()
            .map(|p| dropin_kiosk::ui::text::store_problem(p, &dropin_kiosk::locale::english()))
            .unwrap_or_default()
    }

    /// What the staff area says about the settings, in English; empty when nothing is wrong
    /// with them.
    pub fn settings_problem(&self) -> String {
        self.kiosk()
            .settings_problem
            .as_ref()
            .map(|p| dropin_kiosk::words::settings::problem(p, &dropin_kiosk::locale::english()))
            .unwrap_or_default()
    }

    pub fn stored(&self) -> u64 {
        self.kiosk().store().unwrap().total_sign_ins().unwrap()
    }

    pub fn on_home(&self) -> bool {
        self.kiosk().visit.screen == Screen::Home
    }
}
