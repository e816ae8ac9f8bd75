//! The health check in words: one line per check, `ok` or what to do, in English (as
//! `doctor` prints it) or the staff area's language.

use std::path::Path;

use crate::health::{Check, Finding, Line};
use crate::locale::Tr;

/// One line of the health check, e.g. `last backup: ok (today)`.
pub fn say(line: &Line, tr: &Tr<'_>, root: &Path) -> String {
    tr.a(
        "health-line",
        &[
            ("check", tr.t(name(line.check)).into()),
            ("finding", finding(&line.finding, tr, root).into()),
        ],
    )
}

fn name(check: Check) -> &'static str {
    match check {
        Check::Folder => "health-check-folder",
        Check::Database => "health-check-database",
        Check::Settings => "health-check-settings",
        Check::Pin => "health-check-pin",
        Check::Backup => "health-check-backup",
        Check::Disk => "health-check-disk",
        Check::TimeZone => "health-check-time-zone",
        Check::Lock => "health-check-lock",
        Check::Leftovers => "health-check-leftovers",
        Check::Sound => "health-sound",
        Check::Languages => "health-check-languages",
    }
}

/// Megabytes as people read them: `850 MB`, `12.4 GB` (`12,4 GB` in Spanish).
fn size(mib: u64, tr: &Tr<'_>) -> String {
    if mib < 1024 {
        return tr.a("health-size-mb", &[("mb", mib.into())]);
    }
    let tenths = (mib as f64 / 102.4).round() as u64;
    tr.a(
        "health-size-gb",
        &[
            ("whole", (tenths / 10).into()),
            ("tenth", (tenths % 10).into()),
        ],
    )
}

fn finding(finding: &Finding, tr: &Tr<'_>, root: &Path) -> String {
    let root = root.display().to_string();
    let shown = |p: &Path| p.display().to_string();
    match finding {
        Finding::FolderPrivate => tr.t("health-folder-private"),
        Finding::FolderMissing => tr.a("health-folder-missing", &[("root", root.into())]),
        Finding::NotPrivate(path) => tr.a(
            "health-not-private",
            &[("path", shown(path).into()), ("root", root.into())],
        ),
        Finding::OwnedByOther { path, owner } => tr.a(
            "health-owned-by-other",
            &[
                ("path", shown(path).into()),
                ("owner", owner.as_str().into()),
                ("root", root.into()),
            ],
        ),
        Finding::RunAsOwner { owner } => tr.a(
            "health-run-as-owner",
            &[("owner", owner.as_str().into()), ("root", root.into())],
        ),
        Finding::Database {
            schema_version,
            sign_ins,
        } => tr.a(
            "health-database",
            &[
                ("version", (*schema_version).into()),
                ("sign-ins", (*sign_ins).into()),
            ],
        ),
        Finding::NoDatabaseYet => tr.t("health-no-database-yet"),
        Finding::DatabaseDamaged => tr.t("health-database-damaged"),
        Finding::DatabaseTooNew(version) => {
            tr.a("health-database-too-new", &[("version", (*version).into())])
        }
        Finding::DatabaseUnreadable(why) => tr.a(
            "health-database-unreadable",
            &[("why", why.as_str().into())],
        ),
        Finding::DatabaseNotChecked => tr.t("health-database-not-checked"),
        Finding::SettingsValid | Finding::PinSet => tr.t("health-ok"),
        Finding::NoSettingsYet => tr.t("health-no-settings-yet"),
        Finding::SettingsProblem(problem) => tr.a(
            "health-settings-problem",
            &[("problem", super::settings::problem(problem, tr).into())],
        ),
        Finding::PinMissing => tr.a("health-pin-missing", &[("root", root.into())]),
        Finding::PinUnreadable(why) => why.clone(),
        Finding::BackupFresh { date, days } => match days {
            0 => tr.t("health-backup-today"),
            1 => tr.t("health-backup-yesterday"),
            _ => tr.a("health-backup-on", &[("date", date.to_string().into())]),
        },
        Finding::NothingToBackUpYet => tr.t("health-nothing-to-back-up"),
        Finding::BackupMissing => tr.t("health-backup-missing"),
        Finding::BackupOld { date, days } => tr.a(
            "health-backup-old",
            &[("days", (*days).into()), ("date", date.to_string().into())],
        ),
        Finding::DiskFree { mib } => tr.a("health-disk-free", &[("size", size(*mib, tr).into())]),
        Finding::DiskLow { mib } => tr.a("health-disk-low", &[("size", size(*mib, tr).into())]),
        Finding::DiskUnknown(why) => tr.a("health-disk-unknown", &[("why", why.as_str().into())]),
        Finding::ZoneKnown(zone) => tr.a("health-zone-known", &[("zone", zone.as_str().into())]),
        Finding::ZoneUtc(zone) => tr.a("health-zone-utc", &[("zone", zone.as_str().into())]),
        Finding::NoKioskRunning => tr.t("health-no-kiosk-running"),
        Finding::KioskRunning => tr.t("health-kiosk-running"),
        Finding::ThisKiosk => tr.t("health-this-kiosk"),
        Finding::LockUnusable(why) => tr.a("health-lock-unusable", &[("why", why.as_str().into())]),
        Finding::NoLeftovers => tr.t("health-no-leftovers"),
        Finding::Leftovers(paths) => {
            tr.a("health-leftovers", &[("list", shell_words(paths).into())])
        }
        Finding::SoundPlays => tr.t("health-sound-plays"),
        Finding::SoundNotTried => tr.t("health-sound-not-tried"),
        Finding::NoSound { chime_on, why } => tr.a(
            if *chime_on {
                "health-sound-none"
            } else {
                "health-sound-none-chime-off"
            },
            &[("why", why.as_str().into())],
        ),
        Finding::LanguagesFound(names) => tr.a(
            "health-languages-found",
            &[("names", tr.join_list(names).into())],
        ),
        Finding::LanguageProblems(problems) => problems
            .iter()
            .map(|p| crate::locale::problem_words(p, tr))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Paths as a shell reads them, quoted when they hold anything but plain letters.
fn shell_words(paths: &[std::path::PathBuf]) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+".contains(c);
    let words: Vec<String> = paths
        .iter()
        .map(|path| {
            let text = path.display().to_string();
            if text.chars().all(plain) {
                text
            } else {
                format!("'{}'", text.replace('\'', "'\\''"))
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::domain::lang::Lang;
    use crate::locale::built_in;

    #[test]
    fn each_line_names_its_check_and_says_ok_or_what_to_do() {
        let root = PathBuf::from("/var/lib/dropin-kiosk");
        let line = |check, finding| Line { check, finding };
        assert_eq!(
            say(
                &line(
                    Check::Backup,
                    Finding::BackupFresh {
                        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                        days: 0
                    }
                ),
                &built_in().tr(Lang::EN),
                &root
            ),
            "last backup: ok (today)"
        );
        assert_eq!(
            say(
                &line(Check::Pin, Finding::PinMissing),
                &built_in().tr(Lang::EN),
                &root
            ),
            "staff PIN: not set, so the first person to tap Staff could choose one; set it now, as the kiosk's user, with: dropin-kiosk --data-dir /var/lib/dropin-kiosk set-pin"
        );
        assert_eq!(
            say(
                &line(Check::Disk, Finding::DiskFree { mib: 12_700 }),
                &built_in().tr(Lang::from_code("es").unwrap()),
                &root
            ),
            "espacio libre en disco: bien (12,4 GB libres)"
        );
    }
}
