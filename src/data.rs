//! The data folder: where settings, scripts, the database, exports and the log live, how it
//! is set up from `assets/` on first run, and its one lock (one kiosk, or one restore).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::config;
use crate::domain::lang::Lang;
use crate::domain::script::{self, Script};
use crate::error::{DataDirError, LockError};
use crate::locale::Locales;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub root: PathBuf,
    /// What `prepare` could not make private to the kiosk's user; the caller logs it. Never
    /// a reason to stop.
    pub not_private: Vec<crate::fs::NotPrivate>,
}

impl DataDir {
    /// The platform's data folder, e.g. `~/.local/share/dropin-kiosk`.
    pub fn default_root() -> Result<PathBuf, DataDirError> {
        directories::ProjectDirs::from("", "", "dropin-kiosk")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(DataDirError::NoHome)
    }

    /// The data folder at `root` as it is: nothing is created or changed (for `doctor`).
    pub fn existing(root: &Path) -> DataDir {
        DataDir {
            root: root.to_path_buf(),
            not_private: Vec::new(),
        }
    }

    /// Opens the data folder, creating it and its first-run files when missing, and makes
    /// it private to the kiosk's user (folders 0700, files 0600), including what earlier
    /// versions left readable by others. Existing files are never overwritten.
    pub fn prepare(root: &Path) -> Result<DataDir, DataDirError> {
        let dir = DataDir::prepare_folders(root)?;
        dir.copy_built_in_texts();
        Ok(dir)
    }

    /// [`DataDir::prepare`] without the copies of the built-in scripts and courses: the
    /// window makes those on its database thread, while the graphics driver loads, so its
    /// first frame does not wait for them (a first run writes and syncs a dozen files).
    pub fn prepare_folders(root: &Path) -> Result<DataDir, DataDirError> {
        let dir = DataDir {
            root: root.to_path_buf(),
            not_private: Vec::new(),
        };
        let create = |path: &Path| {
            std::fs::create_dir_all(path).map_err(|source| DataDirError::Create {
                path: path.to_path_buf(),
                source,
            })
        };
        create(&dir.root)?;
        // Scripts, exports and settings are conveniences: a read-only folder still runs the
        // kiosk on built-in copies, and staff are told when something cannot be saved.
        let _ = create(&dir.scripts_dir());
        let _ = create(&dir.exports_dir());
        let _ = create(&dir.courses_dir());
        let _ = create(&dir.backups_dir());
        if !dir.settings_path().exists() {
            let zone = iana_time_zone::get_timezone().ok();
            let _ = crate::fs::replace(
                &dir.settings_path(),
                config::first_run_text(zone.as_deref()).as_bytes(),
            );
        }
        #[cfg(unix)]
        let dir = DataDir {
            not_private: crate::fs::make_private(&dir.root),
            ..dir
        };
        Ok(dir)
    }

    /// Copies of the built-in scripts and the English course topics, for staff to change;
    /// a file already there is left as it is. Each copy is written private, as every file
    /// the kiosk makes.
    pub fn copy_built_in_texts(&self) {
        let built_in = crate::locale::built_in();
        for (lang, name, text) in built_in.all_scripts() {
            let path = self.script_path(name, lang);
            if !path.exists() {
                let _ = crate::fs::replace(&path, text.as_bytes());
            }
        }
        for (name, _) in config::course::BUILTIN_COURSES {
            let path = self.course_path(name);
            if let Some(text) = built_in.course(Lang::EN, name)
                && !path.exists()
            {
                let _ = crate::fs::replace(&path, text.as_bytes());
            }
        }
    }

    pub fn settings_path(&self) -> PathBuf {
        self.root.join("settings.toml")
    }

    pub fn db_path(&self) -> PathBuf {
        self.root.join("kiosk.db")
    }

    pub fn scripts_dir(&self) -> PathBuf {
        self.root.join("scripts")
    }

    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Languages added on this tablet: one folder each, like `assets/locales/<lang>/`.
    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    pub fn courses_dir(&self) -> PathBuf {
        self.root.join("courses")
    }

    pub fn course_path(&self, name: &str) -> PathBuf {
        self.courses_dir().join(format!("{name}.toml"))
    }

    /// The topics of a course as settings name them: `courses/NAME.toml`, else the shipped
    /// course of that name, else the titles written in settings; in each language of
    /// `locales` that has their words.
    pub fn course_topics(
        &self,
        topics: &config::Topics,
        locales: &Locales,
    ) -> Vec<crate::domain::course::Topic> {
        config::course::resolve(topics, locales, |name| {
            std::fs::read_to_string(self.course_path(name)).ok()
        })
    }

    /// Each group's course (start date and topics), by group index; `None` for a group that
    /// is not a course, or whose course has no topics to read.
    pub fn courses(
        &self,
        settings: &config::Settings,
        locales: &Locales,
    ) -> Vec<Option<crate::domain::course::CourseTopics>> {
        settings
            .groups
            .iter()
            .map(|g| {
                let course = g.course.as_ref()?;
                let topics = self.course_topics(&course.topics, locales);
                if topics.is_empty() {
                    log::warn!("the course of {} has no topics to read", g.name);
                    return None;
                }
                Some(crate::domain::course::CourseTopics {
                    start: course.start,
                    topics,
                })
            })
            .collect()
    }

    /// Names of the courses on offer: the shipped ones and any others in `courses/`.
    pub fn course_names(&self) -> Vec<String> {
        let mut names: Vec<String> = config::course::BUILTIN_COURSES
            .iter()
            .map(|(name, _)| (*name).to_string())
            .collect();
        if let Ok(entries) = std::fs::read_dir(self.courses_dir()) {
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().to_string();
                if let Some(stem) = file.strip_suffix(".toml") {
                    names.push(stem.to_string());
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// Where the kiosk notes the instant it first ran on this folder, by its own clock.
    pub fn first_run_path(&self) -> PathBuf {
        self.root.join("first-run.txt")
    }

    /// The instant the kiosk first ran on this folder, by its own clock (so a practice run
    /// at a pretend time has its own). Noted as `now` the first time it is asked; if it
    /// cannot be noted (a read-only folder), `now` is answered without keeping it.
    pub fn first_run(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let path = self.first_run_path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            if let Ok(at) = DateTime::parse_from_rfc3339(text.trim()) {
                return at.with_timezone(&Utc);
            }
            log::warn!(
                "{} could not be read; noting the first run again",
                path.display()
            );
        }
        let text = format!(
            "{}\n",
            now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        if let Err(e) = crate::fs::replace(&path, text.as_bytes()) {
            log::warn!("the first day of records could not be noted: {e}");
        }
        now
    }

    /// The daily snapshots of `kiosk.db`, and any database a restore replaced.
    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }

    pub fn log_path(&self) -> PathBuf {
        self.root.join("kiosk.log")
    }

    pub fn lock_path(&self) -> PathBuf {
        self.root.join("kiosk.lock")
    }

    /// Takes the data folder's single-instance lock: one kiosk window, or one restore, at a
    /// time. Held until the [`DataLock`] is dropped; the OS releases it if the process dies.
    pub fn lock(&self) -> Result<DataLock, LockError> {
        let path = self.lock_path();
        let failed = |source| LockError::Lock {
            path: path.clone(),
            source,
        };
        let file = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(failed)?;
        match file.try_lock() {
            Ok(()) => Ok(DataLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(LockError::AlreadyRunning(self.root.clone()))
            }
            Err(std::fs::TryLockError::Error(source)) => Err(failed(source)),
        }
    }

    /// Whether a kiosk (or a restore) holds the lock now, found without creating or changing
    /// anything, for `doctor`.
    pub fn lock_is_held(&self) -> std::io::Result<bool> {
        let file = match std::fs::File::open(self.lock_path()) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => Ok(false),
            Err(std::fs::TryLockError::WouldBlock) => Ok(true),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// The staff PIN's hash and lockout, kept apart from `kiosk.db`.
    pub fn pin_path(&self) -> PathBuf {
        self.root.join("staff-pin.toml")
    }

    pub fn script_path(&self, name: &str, lang: Lang) -> PathBuf {
        self.scripts_dir()
            .join(format!("{name}.{}.md", lang.code()))
    }

    /// The script set `name` in `lang`: the file in `scripts/`, else the language's own
    /// (built in, or in the data folder's `locales/`), else the language's drop-in welcome,
    /// else English's, so the facilitator always has words to read.
    pub fn load_script(&self, name: &str, lang: Lang, locales: &Locales) -> Script {
        let headings = locales.tr(lang).script_headings();
        if let Ok(text) = std::fs::read_to_string(self.script_path(name, lang)) {
            let parsed = script::parse(&text, &headings);
            if !parsed.opening.is_empty() {
                return parsed;
            }
        }
        [
            (lang, name),
            (lang, "drop-in"),
            (Lang::EN, name),
            (Lang::EN, "drop-in"),
        ]
        .into_iter()
        .find_map(|(lang, name)| locales.script(lang, name))
        .map(|text| script::parse(text, &headings))
        .unwrap_or_default()
    }

    /// Names of the script sets on offer: the built-in ones and any others in `scripts/`
    /// (`NAME.<lang>.md`, in any language).
    pub fn script_names(&self, locales: &Locales) -> Vec<String> {
        let mut names: Vec<String> = locales
            .all_scripts()
            .map(|(_, name, _)| name.to_string())
            .collect();
        if let Ok(entries) = std::fs::read_dir(self.scripts_dir()) {
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().to_string();
                if let Some((stem, code)) =
                    file.strip_suffix(".md").and_then(|f| f.rsplit_once('.'))
                    && Lang::from_code(code).is_some()
                {
                    names.push(stem.to_string());
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// The data folder's single-instance lock, held while this value lives.
#[derive(Debug)]
pub struct DataLock {
    _file: std::fs::File,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es() -> Lang {
        Lang::from_code("es").unwrap()
    }

    #[test]
    fn first_run_creates_the_folder_from_assets_and_never_overwrites() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("new");
        let dir = DataDir::prepare(&root).unwrap();
        assert!(dir.settings_path().exists());
        assert!(dir.exports_dir().is_dir());
        assert!(dir.script_path("check-in", es()).exists());
        assert!(dir.script_path("course", Lang::EN).exists());
        assert!(dir.course_path("eight-week").exists());
        std::fs::write(dir.settings_path(), "room = \"Hall\"\n").unwrap();
        DataDir::prepare(&root).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.settings_path()).unwrap(),
            "room = \"Hall\"\n"
        );
    }

    #[test]
    fn the_window_copies_the_built_in_texts_apart_from_making_the_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::prepare_folders(tmp.path()).unwrap();
        assert!(dir.settings_path().exists());
        assert!(dir.scripts_dir().is_dir());
        assert!(!dir.script_path("drop-in", Lang::EN).exists());
        assert!(!dir.course_path("eight-week").exists());
        // Staff's own words in a script already there are kept.
        std::fs::write(dir.script_path("check-in", Lang::EN), "Our own words\n").unwrap();
        dir.copy_built_in_texts();
        assert!(dir.script_path("drop-in", Lang::EN).exists());
        assert!(dir.script_path("check-in", es()).exists());
        assert!(dir.course_path("eight-week").exists());
        assert_eq!(
            std::fs::read_to_string(dir.script_path("check-in", Lang::EN)).unwrap(),
            "Our own words\n"
        );
    }

    #[test]
    fn an_unknown_script_falls_back_to_the_drop_in_welcome() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::prepare(tmp.path()).unwrap();
        let locales = crate::locale::built_in();
        let fallback = dir.load_script("nope", Lang::EN, locales);
        assert_eq!(fallback, dir.load_script("drop-in", Lang::EN, locales));
        assert!(dir.script_names(locales).contains(&"check-in".to_string()));
    }

    #[test]
    fn the_first_run_is_noted_once_by_the_clock_it_is_given() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::prepare(tmp.path()).unwrap();
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
        let first = at("2026-11-20T09:00:00Z");
        assert_eq!(dir.first_run(first), first);
        assert_eq!(dir.first_run(at("2026-12-01T09:00:00Z")), first);
    }

    #[test]
    fn the_course_script_checks_in_on_two_feelings_and_two_goals() {
        for (lang, feelings, goals) in [
            (
                Lang::EN,
                "two feelings",
                "one about your use, and one about your wellbeing",
            ),
            (
                es(),
                "dos sentimientos",
                "una sobre tu consumo y otra sobre tu bienestar",
            ),
        ] {
            let locales = crate::locale::built_in();
            let headings = locales.tr(lang).script_headings();
            let s = script::parse(locales.script(lang, "course").unwrap(), &headings);
            assert!(s.opening.contains(feelings), "{lang:?}");
            assert!(s.opening.contains(goals), "{lang:?}: last week's goals");
            assert!(s.closing.contains(goals), "{lang:?}: the new goals");
        }
    }
}
