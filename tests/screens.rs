//! Every screen size (SPEC §13): each public screen (Home, sign-in, script, PIN pad,
//! suggest a topic, confirmation) lays out fully on screen at 800×480,
//! 1024×600, 1280×800, 720×1280 and 1920×1080, in both languages, at normal and at the
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

fn larger_text(lang_es: bool) -> &'static str {
    if lang_es {
        "A+ Letra más grande"
    } else {
        "A+ Larger text"
    }
}

#[test]
fn every_public_screen_fits_every_screen_size_language_and_text_size() {
    for size in SIZES {
        for spanish in [false, true] {
            for largest in [false, true] {
                let folder = DataFolder::new();
                folder.ok(&[
                    "cancel",
                    "2026-11-27",
                    "--note",
                    "Staff training day. We are back on Monday.",
                ]);
                let mut t = Tablet::sized(folder.dir, WRAP_UP, size);
                let (back, back_home) = if spanish {
                    t.tap("Español");
                    ("Volver", "Volver al inicio")
                } else {
                    ("Back", "Back to Home")
                };
                if largest {
                    t.tap(larger_text(spanish));
                    t.tap(larger_text(spanish));
                }
                let case = format!(
                    "{}{}",
                    if spanish { "es" } else { "en" },
                    if largest { ", largest text" } else { "" }
                );
                assert_fits(&mut t, &format!("Home ({case})"), size);

                t.tap(if spanish {
                    "Entrar con mi nombre"
                } else {
                    "Sign in with my first name"
                });
                assert_fits(&mut t, &format!("sign-in ({case})"), size);
                t.tap(back);

                t.tap(if spanish {
                    "Guion para quien facilita"
                } else {
                    "Facilitator script"
                });
                assert_fits(&mut t, &format!("script ({case})"), size);
                t.tap(back_home);

                t.tap(if spanish { "Personal" } else { "Staff" });
                assert_fits(&mut t, &format!("PIN pad ({case})"), size);
                t.tap(back);

                t.tap(if spanish {
                    "Proponer un tema"
                } else {
                    "Suggest a topic"
                });
                assert_fits(&mut t, &format!("suggest a topic ({case})"), size);
                t.tap(if spanish {
                    "Escribir el mío"
                } else {
                    "Write my own"
                });
                assert_fits(&mut t, &format!("suggest, typing ({case})"), size);
                t.tap(back);
                t.tap(back);

                t.tap(if spanish {
                    "Cuéntame — sin nombre"
                } else {
                    "Count me in — no name"
                });
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
    t.tap("Sign in with my first name");
    check(&t, "sign-in");
    t.tap("Back");
    t.tap("Facilitator script");
    check(&t, "script");
    t.tap("Closing words");
    check(&t, "closing words");
    t.tap("Back to Home");
    t.tap("Suggest a topic");
    check(&t, "suggest a topic");
    t.tap("Write my own");
    check(&t, "suggest, typing");
    t.tap("Back");
    t.tap("Back");
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
    assert_eq!(visited.len(), 15);
}
