//! The words of the facilitator's cue (the chime's settings and health line) and of the QR
//! code's own view, in English and Spanish.

use crate::domain::cue::Chime;
use crate::domain::lang::Lang;
use crate::health::Finding;

/// The Settings section's chime choice: its title and each option.
pub fn chime_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Chime for the facilitator:",
        Lang::Es => "Timbre para quien facilita:",
    }
}

pub fn chime_option(chime: Chime, lang: Lang) -> &'static str {
    match (chime, lang) {
        (Chime::Off, Lang::En) => "No sound",
        (Chime::Off, Lang::Es) => "Sin sonido",
        (Chime::WrapUp, Lang::En) => "At wrap-up",
        (Chime::WrapUp, Lang::Es) => "Al cerrar",
        (Chime::WrapUpAndEnd, Lang::En) => "At wrap-up and the end",
        (Chime::WrapUpAndEnd, Lang::Es) => "Al cerrar y al final",
    }
}

/// The volume field's label, also named when its number is out of range.
pub fn chime_volume(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Chime volume (0–100)",
        Lang::Es => "Volumen del timbre (0–100)",
    }
}

pub fn play_chime(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Play the chime",
        Lang::Es => "Tocar el timbre",
    }
}

/// The Export section's way to the QR code's own view, and back.
pub fn show_qr(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Show the QR code",
        Lang::Es => "Mostrar el código QR",
    }
}

pub fn back_to_export(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Back to export",
        Lang::Es => "Volver a exportar",
    }
}

/// The health check's sound line: its name and what was found.
pub fn sound_check(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "sound for the chime",
        Lang::Es => "sonido del timbre",
    }
}

/// The sound line's finding; empty for a finding of another check.
pub fn sound_finding(finding: &Finding, lang: Lang) -> String {
    let en = lang == Lang::En;
    match finding {
        Finding::SoundPlays => if en {
            "ok (a sound device plays it)"
        } else {
            "bien (un dispositivo de sonido lo toca)"
        }
        .to_string(),
        Finding::SoundNotTried => if en {
            "ok (not needed yet; run `dropin-kiosk chime` to hear it)"
        } else {
            "bien (aún no hizo falta; ejecuta `dropin-kiosk chime` para oírlo)"
        }
        .to_string(),
        Finding::NoSound {
            chime_on: false,
            why,
        } => {
            if en {
                format!("ok (no sound device, and the chime is off: {why})")
            } else {
                format!("bien (no hay dispositivo de sonido y el timbre está apagado: {why})")
            }
        }
        Finding::NoSound {
            chime_on: true,
            why,
        } => {
            if en {
                format!(
                    "no sound device, so the chime stays quiet; connect a speaker, or set chime = \"off\" ({why})"
                )
            } else {
                format!(
                    "no hay dispositivo de sonido, así que el timbre no suena; conecta un altavoz o pon chime = \"off\" ({why})"
                )
            }
        }
        _ => String::new(),
    }
}

/// What `dropin-kiosk chime` says when the chime has played.
pub fn chime_played(volume: u32) -> String {
    format!("Played the chime at volume {volume} on the default sound device.")
}
