//! The data folder: where settings, scripts, the database, exports and the log live,
//! and how it is set up from `assets/` on first run.

use std::path::{Path, PathBuf};

use crate::config;
use crate::domain::lang::Lang;
use crate::domain::script::{self, Script};
use crate::error::DataDirError;

/// The script sets shipped in `assets/scripts`, built into the binary.
pub const BUILTIN_SCRIPTS: &[(&str, Lang, &str)] = &[
    (
        "drop-in",
        Lang::En,
        include_str!("../assets/scripts/drop-in.en.md"),
    ),
    (
        "drop-in",
        Lang::Es,
        include_str!("../assets/scripts/drop-in.es.md"),
    ),
    (
        "check-in",
        Lang::En,
        include_str!("../assets/scripts/check-in.en.md"),
    ),
    (
        "check-in",
        Lang::Es,
        include_str!("../assets/scripts/check-in.es.md"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub root: PathBuf,
    /// What `prepare` could not make private to the kiosk's user, one sentence each; the
    /// caller logs it. Never a reason to stop.
    pub not_private: Vec<String>,
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
        let _ = create(&dir.backups_dir());
        if !dir.settings_path().exists() {
            let zone = iana_time_zone::get_timezone().ok();
            let _ = crate::fs::replace(
                &dir.settings_path(),
                config::first_run_text(zone.as_deref()).as_bytes(),
            );
        }
        for (name, lang, text) in BUILTIN_SCRIPTS {
            let path = dir.script_path(name, *lang);
            if !path.exists() {
                let _ = crate::fs::replace(&path, text.as_bytes());
            }
        }
        #[cfg(unix)]
        let dir = DataDir {
            not_private: crate::fs::make_private(&dir.root),
            ..dir
        };
        Ok(dir)
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

    /// The staff PIN's hash and lockout, kept apart from `kiosk.db`.
    pub fn pin_path(&self) -> PathBuf {
        self.root.join("staff-pin.toml")
    }

    pub fn script_path(&self, name: &str, lang: Lang) -> PathBuf {
        self.scripts_dir()
            .join(format!("{name}.{}.md", lang.code()))
    }

    /// The script set `name` in `lang`: the file in `scripts/`, else the built-in copy,
    /// else the built-in drop-in welcome, so the facilitator always has words to read.
    pub fn load_script(&self, name: &str, lang: Lang) -> Script {
        if let Ok(text) = std::fs::read_to_string(self.script_path(name, lang)) {
            let parsed = script::parse(&text);
            if !parsed.opening.is_empty() {
                return parsed;
            }
        }
        builtin_script(name, lang)
            .or_else(|| builtin_script("drop-in", lang))
            .map(script::parse)
            .unwrap_or_default()
    }

    /// Names of the script sets on offer: the built-in ones and any others in `scripts/`.
    pub fn script_names(&self) -> Vec<String> {
        let mut names: Vec<String> = BUILTIN_SCRIPTS
            .iter()
            .map(|(name, _, _)| (*name).to_string())
            .collect();
        if let Ok(entries) = std::fs::read_dir(self.scripts_dir()) {
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().to_string();
                if let Some(stem) = file
                    .strip_suffix(".en.md")
                    .or_else(|| file.strip_suffix(".es.md"))
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

pub fn builtin_script(name: &str, lang: Lang) -> Option<&'static str> {
    BUILTIN_SCRIPTS
        .iter()
        .find(|(n, l, _)| *n == name && *l == lang)
        .map(|(_, _, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_run_creates_the_folder_from_assets_and_never_overwrites() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("new");
        let dir = DataDir::prepare(&root).unwrap();
        assert!(dir.settings_path().exists());
        assert!(dir.exports_dir().is_dir());
        assert!(dir.script_path("check-in", Lang::Es).exists());
        std::fs::write(dir.settings_path(), "room = \"Hall\"\n").unwrap();
        DataDir::prepare(&root).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.settings_path()).unwrap(),
            "room = \"Hall\"\n"
        );
    }

    #[test]
    fn an_unknown_script_falls_back_to_the_drop_in_welcome() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::prepare(tmp.path()).unwrap();
        let fallback = dir.load_script("nope", Lang::En);
        assert_eq!(fallback, dir.load_script("drop-in", Lang::En));
        assert!(dir.script_names().contains(&"check-in".to_string()));
    }
}
