//! Every screen size (SPEC §13): each public screen (Home, sign-in, script, PIN pad,
//! suggest a topic, confirmation) lays out fully on screen at 800×480,
//! 1024×600, 1280×800, 720×1280 and 1920×1080, in every language built in, at normal and at the
//! largest text size, with touch targets never under 48 px (64 px from 1280×800 up); and
//! every control is named for assistive technology.

use egui::accesskit::Role;
use egui::{Pos2, Rect, Vec2};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::util::{DataFolder, Tablet};

/// Wrap-up, with a cancellation coming up: the fullest Home there is.
const WRAP_UP: &str = "2026-11-25T14:26:00-08:00";

const SIZES: [[f32; 2]; 5] = [
    [800.0, 480.0],
    [1024.0, 600.0],
    [1280.0, 800.0],
    [720.0, 1280.0],
    [1920.0, 1080.0],
];

/// A labelled widget as assistive technology sees it.
#[derive(Debug, Clone)]
struct Named {
    name: String,
    role: Role,
    rect: Rect,
}

fn named_widgets(t: &Tablet) -> Vec<Named> {
    t.harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let node = n.accesskit_node();
            let name = node.label().or_else(|| node.value())?;
            let role = node.role();
            matches!(role, Role::Button | Role::TextInput | Role::Label).then(|| Named {
                name,
                role,
                rect: n.rect(),
            })
        })
        .collect()
}

/// Every labelled widget is inside the screen, or inside a scroll area that brings it in
/// when scrolled to; every button is a large enough touch target.
fn assert_fits(t: &mut Tablet, screen: &str, size: [f32; 2]) {
    assert_reachable(t, screen, size, true);
}

fn assert_reachable(t: &mut Tablet, screen: &str, size: [f32; 2], public: bool) {
    let viewport = Rect::from_min_size(Pos2::ZERO, Vec2::from(size)).expand(1.0);
    let smallest_touch = if size[0].max(size[1]) >= 1280.0 && size[0].min(size[1]) >= 800.0 {
        64.0
    } else {
        48.0
    };
    let widgets = named_widgets(t);
    assert!(!widgets.is_empty(), "{screen} at {size:?} shows nothing");
    // On the public screens no button lies over another, where a tap could reach the wrong
    // one. (Scrolled content passing under a fixed bar is clipped there, so only buttons fully
    // in view are compared.)
    let buttons: Vec<_> = widgets
        .iter()
        .filter(|w| public && w.role == Role::Button && viewport.contains_rect(w.rect))
        .collect();
    for (i, a) in buttons.iter().enumerate() {
        for b in &buttons[i + 1..] {
            assert!(
                !a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)),
                "{screen} at {size:?}: {:?} at {:?} lies over {:?} at {:?}",
                a.name,
                a.rect,
                b.name,
                b.rect
            );
        }
    }
    for w in widgets {
        if public && w.role == Role::Button {
            assert!(
                w.rect.height() >= smallest_touch - 0.5,
                "{screen} at {size:?}: {:?} is {} px tall",
                w.name,
                w.rect.height()
            );
        }
        if viewport.contains_rect(w.rect) {
            continue;
        }
        // Off screen: only fine when scrolling brings it in.
        let Some(node) = t.harness.query_all_by_label(&w.name).next() else {
            continue;
        };
        node.scroll_to_me();
        t.harness.run();
        let moved = t
            .harness
            .query_all_by_label(&w.name)
            .next()
            .map(|n| n.rect());
        // Scrolled to, it is in view (a text longer than the screen, at least in part)
        // and never cut off at the side.
        let reachable = moved.is_some_and(|r| {
            r.intersects(viewport) && r.left() >= viewport.left() && r.right() <= viewport.right()
        });
        assert!(
            reachable,
            "{screen} at {size:?}: {:?} ({:?}) is off screen at {:?}, and at {moved:?} when scrolled to",
            w.name, w.role, w.rect
        );
    }
}

/// Every language built in, each at every size and text size: its words are its own, so
/// each may be longer than another's somewhere.
#[test]
fn every_public_screen_fits_every_screen_size_language_and_text_size() {
    let languages: Vec<_> = dropin_kiosk::locale::built_in()
        .languages()
        .map(|(lang, _)| lang)
        .collect();
    assert!(languages.len() >= 2, "{languages:?}");
    for size in SIZES {
        for &lang in &languages {
            for largest in [false, true] {
                let folder = DataFolder::new();
                folder.ok(&[
                    "cancel",
                    "2026-11-27",
                    "--note",
                    "Staff training day. We are back on Monday.",
                ]);
                let mut t = Tablet::sized(folder.dir, WRAP_UP, size);
                if lang != dropin_kiosk::domain::lang::Lang::EN {
                    if languages.len() > dropin_kiosk::ui::home::LANGUAGES_IN_A_ROW {
                        t.open_language_chooser();
                        assert_fits(&mut t, &format!("languages ({lang})"), size);
                    }
                    t.choose_language(lang);
                }
                assert_eq!(t.kiosk().visit.lang, lang);
                if largest {
                    t.tap(&t.words("larger-text"));
                    t.tap(&t.words("larger-text"));
                }
                let case = format!("{lang}{}", if largest { ", largest text" } else { "" });
                let w = |id: &str| t.words(id);
                let (back, back_home) = (w("back"), w("back-home"));
                assert_fits(&mut t, &format!("Home ({case})"), size);

                t.tap(&t.words("sign-in-named"));
                assert_fits(&mut t, &format!("sign-in ({case})"), size);
                t.tap(&back);

                t.tap(&t.words("open-script"));
                assert_fits(&mut t, &format!("script ({case})"), size);
                t.tap(&back_home);

                t.tap(&t.words("open-staff"));
                assert_fits(&mut t, &format!("PIN pad ({case})"), size);
                t.tap(&back);

                t.tap(&t.words("groups-suggest-open"));
                assert_fits(&mut t, &format!("suggest a topic ({case})"), size);
                t.tap(&t.words("groups-suggest-own"));
                assert_fits(&mut t, &format!("suggest, typing ({case})"), size);
                t.tap(&back);
                t.tap(&back);

                t.tap(&t.words("sign-in-anonymous"));
                assert_fits(&mut t, &format!("confirmation ({case})"), size);
            }
        }
    }
}

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

#[test]
fn every_staff_section_can_be_reached_at_every_screen_size() {
    for size in SIZES {
        let mut t = Tablet::sized(tempfile::tempdir().unwrap(), IN_SESSION, size);
        crate::staff::set_up_staff(&mut t);
        for section in [
            "Attendance",
            "Export",
            "Schedule",
            "Script",
            "Settings",
            "Today's names",
            "Quit kiosk",
        ] {
            t.tap(section);
            assert_reachable(&mut t, &format!("staff {section}"), size, false);
        }
    }
}

/// How tall the status line is drawn: the words' size, as a person sees it.
fn status_height(t: &Tablet) -> f32 {
    t.harness.get_by_label("34 min left").rect().height()
}

#[test]
fn larger_text_is_one_tap_on_home_and_sign_in_and_is_normal_again_for_the_next_person() {
    let mut t = Tablet::at(IN_SESSION);
    let normal = status_height(&t);
    t.tap("A+ Larger text");
    let large = status_height(&t);
    assert!(large > normal * 1.15, "{normal} → {large}");
    t.tap("A+ Larger text");
    let largest = status_height(&t);
    assert!(largest > large * 1.04, "{large} → {largest}");
    assert!(t.has("A Normal text"), "the third tap goes back to normal");

    t.tap("Sign in with my first name");
    let title = |t: &Tablet| {
        t.harness
            .get_by_label("What's your first name?")
            .rect()
            .height()
    };
    let big_title = title(&t);
    t.tap("A Normal text");
    let small_title = title(&t);
    assert!(small_title * 1.2 < big_title, "{big_title} → {small_title}");
    t.tap("A+ Larger text");
    assert!(title(&t) > small_title * 1.15);
    t.tap("Sign in");
    t.tap("Done");
    assert!(t.on_home());
    assert!(
        (status_height(&t) - normal).abs() < 0.5,
        "the next person starts at the normal size"
    );
}

#[test]
fn staff_choose_the_text_size_each_new_person_starts_with() {
    let mut t = Tablet::at(IN_SESSION);
    let normal = status_height(&t);
    crate::staff::set_up_staff(&mut t);
    t.tap("Settings");
    t.tap("Largest");
    t.tap("Save settings");
    assert!(t.has("Settings saved."), "the new default is kept");
    t.tap("Lock");
    let default = status_height(&t);
    assert!(default > normal * 1.2, "{normal} → {default}");
    assert!(t.has("A Normal text"));
    // One person makes it normal; the next starts at the staff's choice again.
    t.tap("A Normal text");
    assert!((status_height(&t) - normal).abs() < 0.5);
    t.tap("Count me in — no name");
    t.tap("Done");
    let again = status_height(&t);
    assert!((again - default).abs() < 0.5, "{default} then {again}");
    let saved = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert!(saved.contains("text_size = \"largest\""), "{saved}");
}

#[test]
fn every_control_on_every_screen_has_a_name_and_the_timer_is_read_out() {
    let mut t = Tablet::at(IN_SESSION);
    let mut visited = Vec::new();
    let mut check = |t: &Tablet, screen: &str| {
        let mut controls = 0;
        for n in t.harness.root().children_recursive() {
            let node = n.accesskit_node();
            if matches!(node.role(), Role::Button | Role::TextInput) {
                controls += 1;
                let name = node.label().or_else(|| node.value()).unwrap_or_default();
                assert!(
                    !name.trim().is_empty(),
                    "{screen}: a {:?} at {:?} has no name",
                    node.role(),
                    n.rect()
                );
            }
        }
        assert!(controls > 0, "{screen} has no controls");
        visited.push(screen.to_string());
    };
    check(&t, "Home");
    assert!(
        t.harness.query_by_label("34 min left").is_some(),
        "the timer's words are exposed"
    );
    // The public screens in every language: a message left empty would leave a button
    // with no name for a screen reader.
    let languages: Vec<_> = t.kiosk().locales().languages().map(|(l, _)| l).collect();
    for lang in languages {
        t.choose_language(lang);
        check(&t, &format!("Home ({lang})"));
        t.tap(&t.words("sign-in-named"));
        check(&t, &format!("sign-in ({lang})"));
        t.tap(&t.words("back"));
        t.tap(&t.words("open-script"));
        check(&t, &format!("script ({lang})"));
        t.tap(&t.words("closing-words"));
        check(&t, &format!("closing words ({lang})"));
        t.tap(&t.words("back-home"));
        t.tap(&t.words("groups-suggest-open"));
        check(&t, &format!("suggest a topic ({lang})"));
        t.tap(&t.words("groups-suggest-own"));
        check(&t, &format!("suggest, typing ({lang})"));
        t.tap(&t.words("back"));
        t.tap(&t.words("back"));
    }
    t.choose_language(dropin_kiosk::domain::lang::Lang::EN);
    t.tap("Staff");
    check(&t, "PIN pad");
    for d in ["4", "8", "2", "1", "OK", "4", "8", "2", "1", "OK"] {
        t.tap(d);
    }
    for section in [
        "Attendance",
        "Export",
        "Schedule",
        "Script",
        "Settings",
        "Today's names",
        "Quit kiosk",
    ] {
        t.tap(section);
        check(&t, section);
    }
    t.tap("Lock");
    t.tap("Count me in — no name");
    check(&t, "confirmation");
    let languages = t.kiosk().locales().languages().count();
    assert_eq!(visited.len(), 10 + 6 * languages);
}

/// Past three languages Home has one button for the chooser: it and the chooser fit every
/// size, with each language a full touch target.
#[test]
fn the_language_chooser_fits_every_screen_size() {
    for size in SIZES {
        let folder = DataFolder::new();
        for (code, name) in [("fil", "Filipino"), ("it", "Italiano"), ("pt", "Português")] {
            let dir = folder.path().join("locales").join(code);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("language.ftl"),
                format!("language-name = {name}\n"),
            )
            .unwrap();
        }
        let mut t = Tablet::sized(folder.dir, WRAP_UP, size);
        assert_fits(&mut t, "Home (with five languages)", size);
        t.open_language_chooser();
        assert_fits(&mut t, "languages", size);
        t.tap("Português");
        assert!(t.on_home());
    }
}
