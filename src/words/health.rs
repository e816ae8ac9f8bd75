//! The health check in words: one line per check, `ok` or what to do, in English (as
//! `doctor` prints it) and Spanish (for the staff area).

use std::path::Path;

use crate::domain::lang::Lang;
use crate::health::{Check, Finding, Line};

/// One line of the health check, e.g. `last backup: ok (today)`.
pub fn say(line: &Line, lang: Lang, root: &Path) -> String {
    format!(
        "{}: {}",
        name(line.check, lang),
        finding(&line.finding, lang, root)
    )
}

fn name(check: Check, lang: Lang) -> &'static str {
    match (check, lang) {
        (Check::Folder, Lang::En) => "data folder",
        (Check::Folder, Lang::Es) => "carpeta de datos",
        (Check::Database, Lang::En) => "database",
        (Check::Database, Lang::Es) => "base de datos",
        (Check::Settings, Lang::En) => "settings",
        (Check::Settings, Lang::Es) => "ajustes",
        (Check::Pin, Lang::En) => "staff PIN",
        (Check::Pin, Lang::Es) => "PIN del personal",
        (Check::Backup, Lang::En) => "last backup",
        (Check::Backup, Lang::Es) => "última copia de seguridad",
        (Check::Disk, Lang::En) => "free disk space",
        (Check::Disk, Lang::Es) => "espacio libre en disco",
        (Check::TimeZone, Lang::En) => "time zone",
        (Check::TimeZone, Lang::Es) => "zona horaria",
        (Check::Lock, Lang::En) => "running kiosk",
        (Check::Lock, Lang::Es) => "quiosco en marcha",
        (Check::Leftovers, Lang::En) => "leftover files",
        (Check::Leftovers, Lang::Es) => "archivos sobrantes",
        (Check::Sound, lang) => super::cue::sound_check(lang),
    }
}

/// Megabytes as people read them: `850 MB`, `12.4 GB`.
fn size(mib: u64, lang: Lang) -> String {
    if mib < 1024 {
        return format!("{mib} MB");
    }
    let gb = format!("{:.1}", mib as f64 / 1024.0);
    match lang {
        Lang::En => format!("{gb} GB"),
        Lang::Es => format!("{} GB", gb.replace('.', ",")),
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "a table: one arm per finding, each in English and Spanish side by side"
)]
fn finding(finding: &Finding, lang: Lang, root: &Path) -> String {
    let root = root.display();
    let en = lang == Lang::En;
    match finding {
        Finding::FolderPrivate => if en {
            "ok (private to the kiosk's user)"
        } else {
            "bien (solo la ve el usuario del quiosco)"
        }
        .to_string(),
        Finding::FolderMissing => if en {
            format!("{root} does not exist; check the path, or start the kiosk once to create it")
        } else {
            format!("{root} no existe; revisa la ruta o abre el quiosco una vez para crearla")
        },
        Finding::NotPrivate(path) => {
            let path = path.display();
            if en {
                format!("{path} can be read by other users; restart the kiosk (it fixes this) or run: chmod -R go= {root}")
            } else {
                format!("otros usuarios pueden leer {path}; reinicia el quiosco (lo corrige) o ejecuta: chmod -R go= {root}")
            }
        }
        Finding::OwnedByOther { path, owner } => {
            let path = path.display();
            if en {
                format!("{path} belongs to another user; give it back with: sudo chown -R {owner}: {root}")
            } else {
                format!("{path} pertenece a otro usuario; devuélvelo con: sudo chown -R {owner}: {root}")
            }
        }
        Finding::RunAsOwner { owner } => if en {
            format!("the folder belongs to {owner}; run the check as that user: sudo -u {owner} dropin-kiosk --data-dir {root} doctor")
        } else {
            format!("la carpeta pertenece a {owner}; haz la revisión como ese usuario: sudo -u {owner} dropin-kiosk --data-dir {root} doctor")
        },
        Finding::Database {
            schema_version,
            sign_ins,
        } => if en {
            format!("ok (schema version {schema_version}, {sign_ins} sign-ins)")
        } else {
            format!("bien (versión {schema_version}, {sign_ins} registros)")
        },
        Finding::NoDatabaseYet => if en {
            "ok (none yet; the kiosk creates it when it starts)"
        } else {
            "bien (aún no existe; el quiosco la crea al abrirse)"
        }
        .to_string(),
        Finding::DatabaseDamaged => if en {
            "damaged; restart the kiosk (it keeps the damaged copy and starts a fresh one), or restore the last backup with: dropin-kiosk restore FILE"
        } else {
            "está dañada; reinicia el quiosco (guarda la copia dañada y empieza una nueva) o recupera la última copia con: dropin-kiosk restore ARCHIVO"
        }
        .to_string(),
        Finding::DatabaseTooNew(version) => if en {
            format!("made by a newer version of dropin-kiosk (schema version {version}); install that version again")
        } else {
            format!("la hizo una versión más nueva de dropin-kiosk (versión {version}); vuelve a instalar esa versión")
        },
        Finding::DatabaseUnreadable(why) => if en {
            format!("could not be read ({why}); check the folder's owner and free space")
        } else {
            format!("no se pudo leer ({why}); revisa el dueño de la carpeta y el espacio libre")
        },
        Finding::DatabaseNotChecked => if en {
            "not checked; run the check as the folder's owner (see above)"
        } else {
            "no revisada; haz la revisión como dueño de la carpeta (ver arriba)"
        }
        .to_string(),
        Finding::SettingsValid | Finding::PinSet => if en { "ok" } else { "bien" }.to_string(),
        Finding::NoSettingsYet => if en {
            "ok (none yet; the kiosk writes the built-in ones when it starts)"
        } else {
            "bien (aún no hay; el quiosco escribe los de fábrica al abrirse)"
        }
        .to_string(),
        Finding::SettingsProblem(problem) => if en {
            format!("{problem}; fix it in the staff area or in settings.toml")
        } else {
            format!("{problem}; corrígelo en el área del personal o en settings.toml")
        },
        Finding::PinMissing => if en {
            format!("not set, so the first person to tap Staff could choose one; set it now, as the kiosk's user, with: dropin-kiosk --data-dir {root} set-pin")
        } else {
            format!("no hay PIN, así que cualquiera que toque Personal podría elegirlo; ponlo ya, como usuario del quiosco, con: dropin-kiosk --data-dir {root} set-pin")
        },
        Finding::PinUnreadable(why) => why.clone(),
        Finding::BackupFresh { date, days } => match (days, en) {
            (0, true) => "ok (today)".to_string(),
            (0, false) => "bien (hoy)".to_string(),
            (1, true) => "ok (yesterday)".to_string(),
            (1, false) => "bien (ayer)".to_string(),
            (_, true) => format!("ok ({date})"),
            (_, false) => format!("bien ({date})"),
        },
        Finding::NothingToBackUpYet => if en {
            "ok (nothing to back up yet)"
        } else {
            "bien (aún no hay nada que copiar)"
        }
        .to_string(),
        Finding::BackupMissing => if en {
            "none yet, though there are sign-ins; the kiosk makes one when it starts and every day, so start it (sudo systemctl start dropin-kiosk)"
        } else {
            "todavía no hay, aunque ya hay registros; el quiosco hace una al abrirse y cada día, así que ábrelo (sudo systemctl start dropin-kiosk)"
        }
        .to_string(),
        Finding::BackupOld { date, days } => if en {
            format!("the last one is {days} days old ({date}); is the kiosk running? Check with: systemctl status dropin-kiosk")
        } else {
            format!("la última tiene {days} días ({date}); ¿está abierto el quiosco? Compruébalo con: systemctl status dropin-kiosk")
        },
        Finding::DiskFree { mib } => if en {
            format!("ok ({} free)", size(*mib, lang))
        } else {
            format!("bien ({} libres)", size(*mib, lang))
        },
        Finding::DiskLow { mib } => if en {
            format!("only {} left; delete files this machine does not need, or sign-ins may stop being saved", size(*mib, lang))
        } else {
            format!("solo quedan {}; borra archivos que no hagan falta o los registros podrían dejar de guardarse", size(*mib, lang))
        },
        Finding::DiskUnknown(why) => if en {
            format!("could not be measured ({why})")
        } else {
            format!("no se pudo medir ({why})")
        },
        Finding::ZoneKnown(zone) => if en {
            format!("ok ({zone})")
        } else {
            format!("bien ({zone})")
        },
        Finding::ZoneUtc(zone) => if en {
            format!("{zone}, which is rarely where a group meets; choose your town's zone in the staff area (Schedule) so the times on Home are right")
        } else {
            format!("{zone}, que casi nunca es la del grupo; elige la zona de tu ciudad en el área del personal (Horario) para que las horas salgan bien")
        },
        Finding::NoKioskRunning => if en {
            "ok (no kiosk is running on this folder)"
        } else {
            "bien (ningún quiosco usa esta carpeta)"
        }
        .to_string(),
        Finding::KioskRunning => if en {
            "ok (a kiosk is running on this folder)"
        } else {
            "bien (un quiosco está usando esta carpeta)"
        }
        .to_string(),
        Finding::ThisKiosk => if en { "ok (this kiosk)" } else { "bien (este quiosco)" }.to_string(),
        Finding::LockUnusable(why) => if en {
            format!("could not be checked ({why}); check the folder's owner")
        } else {
            format!("no se pudo comprobar ({why}); revisa el dueño de la carpeta")
        },
        Finding::NoLeftovers => if en { "ok (none)" } else { "bien (ninguno)" }.to_string(),
        Finding::Leftovers(paths) => {
            let list = shell_words(paths);
            if en {
                format!("{list} left by a write or a practice run that was cut short, and may hold first names; restart the kiosk (it deletes them) or delete them with: rm -r {list}")
            } else {
                format!("{list} quedaron de una escritura o una práctica que se cortó y pueden guardar nombres; reinicia el quiosco (los borra) o bórralos con: rm -r {list}")
            }
        }
        Finding::SoundPlays | Finding::SoundNotTried | Finding::NoSound { .. } => {
            super::cue::sound_finding(finding, lang)
        }
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
                Lang::En,
                &root
            ),
            "last backup: ok (today)"
        );
        assert_eq!(
            say(&line(Check::Pin, Finding::PinMissing), Lang::En, &root),
            "staff PIN: not set, so the first person to tap Staff could choose one; set it now, as the kiosk's user, with: dropin-kiosk --data-dir /var/lib/dropin-kiosk set-pin"
        );
        assert_eq!(
            say(
                &line(Check::Disk, Finding::DiskFree { mib: 12_700 }),
                Lang::Es,
                &root
            ),
            "espacio libre en disco: bien (12,4 GB libres)"
        );
    }
}
