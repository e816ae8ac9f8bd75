//! The kiosk screens, driven headless through their visible labels as a person would.

use chrono::Duration;
use egui_kittest::kittest::Queryable as _;

use crate::util::{Tablet, instant};

// 2026-11-25 is a Wednesday; the group meets 13:30–14:30 Los Angeles time (UTC-8).
const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

#[test]
fn home_shows_group_room_timer_schedule_and_both_ways_in_but_no_names() {
    let mut t = Tablet::at(IN_SESSION);
    for label in [
        "Drop-in Group",
        "Room 2",
        "34 min left",
        "We meet Mon · Wed · Fri, 1:30–2:30 PM",
        "Sign in with my first name",
        "Count me in — no name",
        "Everyone is welcome, whenever you arrive.",
        "Facilitator script",
    ] {
        assert!(t.has(label), "Home should show {label:?}");
    }
    // Four languages are built in: one button opens the chooser, its first word English.
    assert!(
        t.has_text_containing("Language ·"),
        "Home should offer the languages"
    );
    t.tap("Sign in with my first name");
    for key in ["C", "A", "S", "E", "Y"] {
        t.tap(key);
    }
    t.tap("Sign in");
    t.tap("Done");
    assert!(t.on_home());
    assert!(!t.has_text_containing("Casey"), "Home never shows a name");
}

#[test]
fn each_timer_phase_shows_its_words_on_home() {
    for (at, words) in [
        ("2026-11-25T09:00:00-08:00", "Next group: today 1:30 PM"),
        ("2026-11-25T13:22:00-08:00", "Group starts in 8 min"),
        ("2026-11-25T13:29:18-08:00", "Group starts in 0:42"),
        (IN_SESSION, "34 min left"),
        ("2026-11-25T14:25:01-08:00", "4:59 left"),
        (
            "2026-11-25T14:40:00-08:00",
            "Group has ended. Thank you for coming.",
        ),
        ("2026-11-26T10:00:00-08:00", "Next group: tomorrow 1:30 PM"),
    ] {
        let t = Tablet::at(at);
        assert!(t.has(words), "at {at} Home should say {words:?}");
    }
    let t = Tablet::at("2026-11-25T14:25:01-08:00");
    assert!(
        t.has("Time to wrap up"),
        "wrap-up has its own words, not colour alone"
    );
}

#[test]
fn the_timer_moves_on_as_the_clock_runs() {
    let mut t = Tablet::at("2026-11-25T14:24:00-08:00");
    assert!(t.has("6 min left"));
    t.wait(Duration::seconds(61));
    assert!(t.has("4:59 left"));
    t.wait(Duration::minutes(5));
    assert!(t.has("Group has ended. Thank you for coming."));
}

#[test]
fn a_cancelled_session_shows_its_note_on_home_and_no_countdown() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = dropin_kiosk::store::Store::open(&dir.path().join("kiosk.db")).unwrap();
        store
            .cancel(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
                chrono::NaiveTime::from_hms_opt(13, 30, 0).unwrap(),
                "Closed for the holiday.",
                instant(IN_SESSION),
            )
            .unwrap();
    }
    let t = Tablet::in_dir(dir, "2026-11-26T10:00:00-08:00");
    assert!(t.has("No group on Friday 27/11. Closed for the holiday."));
    assert!(t.has("Next group: Monday 1:30 PM"));
    let t = Tablet::in_dir(t.dir, "2026-11-27T13:45:00-08:00");
    assert!(t.has("No group today."));
    assert!(t.has("Closed for the holiday. Next group: Monday 1:30 PM"));
    assert!(!t.has_text_containing("left"));
}

#[test]
fn count_me_in_with_no_name_confirms_after_storing_a_row_then_goes_home() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Count me in — no name");
    assert!(t.has("You're counted in. Welcome!"));
    assert_eq!(t.stored(), 1);
    t.wait(Duration::seconds(7));
    assert!(t.on_home());
}

#[test]
fn typing_casey_on_the_on_screen_keyboard_welcomes_casey_and_counts_a_repeat_once() {
    let mut t = Tablet::at(IN_SESSION);
    for round in 0..2 {
        t.tap("Sign in with my first name");
        assert!(t.has("What's your first name?"));
        for key in ["C", "A", "S", "E", "Y"] {
            t.tap(key);
        }
        t.tap("Sign in");
        // The same welcome both times: nobody can learn whether a name is already here.
        assert!(t.has("Welcome, Casey!"), "round {round}");
        t.tap("Done");
    }
    let start = instant("2026-11-25T13:30:00-08:00");
    assert_eq!(
        t.kiosk()
            .store()
            .unwrap()
            .count_for_occurrence(start)
            .unwrap(),
        1
    );
    assert_eq!(t.stored(), 2);
}

#[test]
fn delete_space_hyphen_and_accents_type_as_expected() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    for key in ["J", "O", "S", "Z", "Delete", "É", "Space", "Ñ", "-", "A"] {
        t.tap(key);
    }
    t.tap("Sign in");
    assert!(t.has("Welcome, José Ñ-A!"), "typed name was normalised");
}

#[test]
fn a_physical_keyboard_types_into_the_name_field() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    t.harness.run();
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("  robin  ");
    t.harness.run();
    t.tap("Sign in");
    // Typed on a keyboard, a name keeps the case it was typed in; only the spaces go.
    assert!(t.has("Welcome, robin!"));
    let today = t
        .kiosk()
        .store()
        .unwrap()
        .names_between(
            instant("2026-11-25T00:00:00Z"),
            instant("2026-11-27T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        today.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        ["robin"]
    );
}

#[test]
fn an_empty_name_signs_in_anonymously() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    t.tap("Space");
    t.tap("Sign in");
    assert!(t.has("You're counted in. Welcome!"));
    assert_eq!(t.stored(), 1);
}

#[test]
fn first_time_here_is_optional_and_marks_the_sign_in() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Count me in — no name");
    t.tap("Yes, first time");
    assert!(t.has("Thank you. We're glad you came."));
    let mut facts = Vec::new();
    t.kiosk()
        .store()
        .unwrap()
        .for_each_fact(
            instant("2026-11-25T00:00:00Z"),
            instant("2026-11-27T00:00:00Z"),
            |f| {
                facts.push(f);
            },
        )
        .unwrap();
    assert!(facts[0].first_visit);
    // Skipping it is just as fine: nothing is asked again.
    t.tap("Done");
    t.tap("Count me in — no name");
    t.tap("Done");
    assert!(t.on_home());
}

#[test]
fn espanol_switches_every_label_on_every_screen() {
    let mut t = Tablet::at(IN_SESSION);
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    for label in [
        "Entrar con mi nombre",
        "Cuéntame — sin nombre",
        "Quedan 34 min",
        "Nos reunimos lun · mié · vie, 13:30–14:30",
        "Aquí hay lugar para ti, llegues a la hora que llegues.",
        "Guion para quien facilita",
    ] {
        assert!(t.has(label), "Home in Spanish should show {label:?}");
    }
    for english in [
        "Sign in with my first name",
        "Count me in — no name",
        "34 min left",
    ] {
        assert!(!t.has(english), "{english:?} left in English");
    }
    t.tap("Entrar con mi nombre");
    for label in [
        "¿Cuál es tu nombre?",
        "Espacio",
        "Borrar",
        "Entrar",
        "Volver",
    ] {
        assert!(t.has(label), "sign-in in Spanish should show {label:?}");
    }
    t.tap("A");
    t.tap("N");
    t.tap("A");
    t.tap("Entrar");
    assert!(t.has("¡Hola, Ana! Qué bueno que viniste."));
    assert!(t.has("Sí, primera vez"));
    t.tap("Listo");
    assert!(
        t.has("Count me in — no name"),
        "the next person starts in English"
    );
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Cuéntame — sin nombre");
    assert!(t.has("Listo, ya cuentas. ¡Qué bueno que viniste!"));
    t.tap("Listo");
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Guion para quien facilita");
    assert!(t.has("Palabras de apertura"));
    assert!(t.has("Registros hasta ahora: 2"));
    assert!(t.has_text_containing("Drop-in Group"));

    // The wrap-up and the closing words, still in Spanish.
    t.wait(Duration::minutes(29) + Duration::seconds(1));
    assert!(t.has("Quedan 4:59"));
    assert!(t.has("Es hora de ir cerrando"));
    t.tap("Es hora de las palabras de cierre");
    assert!(t.has_text_containing("Hasta aquí llegamos por hoy"));
    assert!(t.has_text_containing("se vuelve a reunir los lunes, miércoles y viernes"));
    assert!(!t.has_text_containing("Time for the closing words"));

    // The PIN pad, from Home in Spanish.
    t.tap("Volver al inicio");
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Personal");
    for label in [
        "Elige un PIN para el personal",
        "De 4 a 8 números. No hay PIN de fábrica; guárdalo bien.",
        "Borrar",
        "Aceptar",
        "Volver",
    ] {
        assert!(t.has(label), "the PIN pad in Spanish should show {label:?}");
    }
    for key in ["1", "2", "3", "4", "Aceptar"] {
        t.tap(key);
    }
    assert!(t.has("Ese PIN sería fácil de adivinar. Elige uno menos obvio, por favor."));
    for key in ["4", "8", "2", "Aceptar"] {
        t.tap(key);
    }
    assert!(t.has("Usa de 4 a 8 números."));
    assert!(!t.has("OK") && !t.has("Staff PIN"));
}

#[test]
fn sign_in_and_confirmation_return_home_after_a_minute_untouched() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    t.tap("R");
    t.wait(Duration::seconds(30));
    assert!(
        !t.on_home(),
        "half a minute is not long enough to give up on someone"
    );
    t.wait(Duration::seconds(31));
    assert!(t.on_home());
    assert_eq!(t.stored(), 0, "an abandoned name is not signed in");
}

#[test]
fn the_language_goes_back_to_the_default_for_the_next_person() {
    let mut t = Tablet::at(IN_SESSION);
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Cuéntame — sin nombre");
    t.wait(Duration::seconds(7));
    assert!(t.has("Sign in with my first name"));
}

#[test]
fn the_script_shows_filled_words_the_count_and_the_closing_at_wrap_up() {
    let mut t = Tablet::at("2026-11-25T14:20:00-08:00");
    t.tap("Count me in — no name");
    t.tap("Done");
    t.tap("Facilitator script");
    assert!(t.has("Opening words"));
    assert!(t.has("Sign-ins so far: 1"));
    assert!(t.has("10 min left"), "the timer stays in view");
    assert!(t.has_text_containing("Welcome to Drop-in Group"));
    assert!(t.has_text_containing("Monday, Wednesday and Friday"));
    assert!(!t.has_text_containing("{"), "every placeholder is filled");
    t.wait(Duration::minutes(5) + Duration::seconds(1));
    assert!(t.has("4:59 left"));
    t.tap("Time for the closing words");
    assert!(t.has_text_containing("Thank you"));
}

#[test]
fn the_script_stays_through_a_session_and_goes_home_ten_minutes_after_it_ends() {
    let mut t = Tablet::at("2026-11-25T13:35:00-08:00");
    t.tap("Facilitator script");
    for _ in 0..5 {
        t.wait(Duration::minutes(10));
        assert!(
            !t.on_home(),
            "read aloud for minutes without a touch: it stays"
        );
    }
    // 14:25 now; the session ends at 14:30.
    t.wait(Duration::minutes(14));
    assert!(!t.on_home());
    t.wait(Duration::minutes(2));
    assert!(t.on_home(), "about ten minutes after the end it goes home");
}

#[test]
fn the_script_outside_a_session_goes_home_after_ten_minutes_untouched() {
    let mut t = Tablet::at("2026-11-24T10:00:00-08:00");
    t.tap("Facilitator script");
    t.wait(Duration::minutes(9));
    assert!(!t.on_home());
    t.wait(Duration::minutes(2));
    assert!(t.on_home());
}

#[test]
fn when_nothing_can_be_saved_the_participant_sees_a_calm_line_and_no_welcome() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the database should be: the store cannot open.
    std::fs::create_dir(dir.path().join("kiosk.db")).unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    t.tap("Count me in — no name");
    assert!(t.has("Thanks for coming — please let a staff member know the tablet needs help."));
    assert!(!t.has_text_containing("Welcome"));
    assert!(t.kiosk().store_problem().is_some(), "staff are told why");
}

#[test]
fn the_kiosk_never_asks_for_a_continuous_repaint_while_idle() {
    let mut t = Tablet::at(IN_SESSION);
    t.harness.step();
    let delay = t.harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(
        delay >= std::time::Duration::from_secs(59),
        "minutes show: {delay:?}"
    );
    let mut t = Tablet::at("2026-11-25T14:26:00.500-08:00");
    t.harness.step();
    let delay = t.harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(
        delay >= std::time::Duration::from_millis(400)
            && delay <= std::time::Duration::from_millis(600),
        "seconds show: {delay:?}"
    );
}
