//! Several groups in one room, a course with its topics, topics suggested from the room, and
//! honest numbers: the real binary on temporary data folders, and the screens driven
//! through their labels.

use chrono::{NaiveDate, NaiveTime};
use dropin_kiosk::app::{Action, Screen};
use dropin_kiosk::domain::suggestions::{CommonTopic, Suggested};
use dropin_kiosk::store::Store;

use crate::staff::{set_text, set_up_staff};
use crate::util::{DataFolder, Tablet, instant};

/// The drop-in group on Monday afternoons and an eight-week course on Tuesday evenings
/// from 6 October 2026, in Los Angeles.
const TWO_GROUPS: &str = include_str!("fixtures/two-groups.toml");

/// The third course meeting (6, 13, 20 October), half an hour in.
const THIRD_MEETING: &str = "2026-10-20T18:30:00-07:00";

fn two_groups() -> DataFolder {
    let k = DataFolder::empty();
    std::fs::write(k.settings_path(), TWO_GROUPS).unwrap();
    // The kiosk first ran on 1 October: its records start then.
    k.ok(&["--pretend-now", "2026-10-01T09:00:00-07:00", "status"]);
    k
}

fn two_groups_tablet(at: &str, cancelled: &[&str]) -> Tablet {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.toml"), TWO_GROUPS).unwrap();
    let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
    for date in cancelled {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let start = NaiveTime::from_hms_opt(18, 0, 0).unwrap();
        store
            .cancel(date, start, "Staff training", instant(at))
            .unwrap();
    }
    drop(store);
    Tablet::in_dir(dir, at)
}

#[test]
fn status_json_names_the_group_and_the_course_topic() {
    let k = two_groups();
    let json = |at: &str| -> serde_json::Value {
        serde_json::from_str(&k.ok(&["status", "--json", "--at", at])).unwrap()
    };
    let v = json(THIRD_MEETING);
    assert_eq!(v["phase"], "in_session");
    assert_eq!(v["group"], "Eight-week course");
    assert_eq!(v["topic"], "Drug, set and setting");
    let v = json("2026-10-19T13:40:00-07:00");
    assert_eq!(v["group"], "Drop-in group");
    assert!(v["topic"].is_null(), "the drop-in group has no topic");
    // After the eighth meeting (24 November) the course has no topic left.
    let v = json("2026-12-01T18:30:00-08:00");
    assert_eq!(v["group"], "Eight-week course");
    assert!(v["topic"].is_null());
}

#[test]
fn a_settings_file_without_groups_keeps_working_and_names_its_one_group() {
    let k = DataFolder::new();
    let v: serde_json::Value =
        serde_json::from_str(&k.ok(&["status", "--json", "--at", "2026-11-25T13:56:00-08:00"]))
            .unwrap();
    assert_eq!(v["group"], "Drop-in Group");
    assert!(v["topic"].is_null());
    assert_eq!(v["words"], "34 min left");
}

#[test]
fn a_sign_in_at_a_time_in_the_future_is_refused_in_one_line_and_nothing_is_stored() {
    let k = DataFolder::new();
    let run = k.run(&[
        "--pretend-now",
        "2026-11-25T12:00:00-08:00",
        "sign-in",
        "--name",
        "Casey",
        "--at",
        "2026-11-25T13:35:00-08:00",
    ]);
    run.assert_one_line_failure();
    assert!(run.stderr.contains("is in the future"), "{}", run.stderr);
    let csv = k.ok(&[
        "--pretend-now",
        "2026-11-25T15:00:00-08:00",
        "export",
        "--from",
        "2026-11-25",
        "--to",
        "2026-11-25",
    ]);
    assert!(csv.contains("visits 0"), "{csv}");
}

#[test]
fn a_new_data_folder_reports_no_sessions_from_before_it_but_a_paper_sheet_reaches_back() {
    let k = DataFolder::new();
    let export = || {
        k.ok(&[
            "--pretend-now",
            "2026-11-25T18:00:00-08:00",
            "export",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ])
    };
    // Set up on the morning of Wednesday 25 November.
    k.ok(&["--pretend-now", "2026-11-25T09:00:00-08:00", "status"]);
    let csv = export();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(
        rows,
        vec![
            "2026-11-25,Wednesday,13:30,14:30,Drop-in Group,held,0,0,0,0,0,0",
            "total,,,,,held 1; cancelled 0; visits 0; mean per session 0.0,0,0,0,0,0,0",
        ],
        "not twelve empty sessions from before the kiosk existed"
    );
    // A paper sheet kept on Monday 16 November is entered: the records reach back to it.
    k.ok(&["sign-in", "--at", "2026-11-16T13:40:00-08:00"]);
    let csv = export();
    assert!(
        csv.contains("total,,,,,held 5; cancelled 0; visits 1;"),
        "{csv}"
    );
    assert!(csv.contains("2026-11-16,Monday,13:30,14:30,Drop-in Group,held,1,0,1,0,0,1"));
}

#[test]
fn exports_report_one_group_or_a_monthly_summary_with_a_total() {
    let k = two_groups();
    for (at, first) in [
        ("2026-10-19T13:35:00-07:00", false), // Mon, drop-in
        ("2026-10-19T13:36:00-07:00", false),
        ("2026-10-20T18:05:00-07:00", true), // Tue, course meeting 3
        ("2026-10-20T18:06:00-07:00", false),
        ("2026-10-21T10:00:00-07:00", false), // Wed: outside group hours
    ] {
        let mut args = vec!["sign-in", "--at", at];
        if first {
            args.push("--first-visit");
        }
        k.ok(&args);
    }
    k.ok(&["cancel", "2026-10-27", "--note", "Staff training"]);
    let export = |extra: &[&str]| {
        let mut args = vec![
            "--pretend-now",
            "2026-11-10T12:00:00-08:00",
            "export",
            "--from",
            "2026-09-01",
            "--to",
            "2026-11-30",
        ];
        args.extend(extra);
        k.ok(&args)
    };
    let monthly = export(&["--by", "month"]);
    assert_eq!(
        monthly.lines().collect::<Vec<_>>(),
        vec![
            "month,group,sessions_held,sessions_cancelled,visits,mean_per_session,first_visits,outside_hours_visits",
            "2026-10,Drop-in group,4,0,2,0.5,0,0",
            "2026-10,Eight-week course,3,1,2,0.7,1,0",
            "2026-10,,0,0,1,0.0,0,1",
            "2026-11,Drop-in group,2,0,0,0.0,0,0",
            "2026-11,Eight-week course,1,0,0,0.0,0,0",
            "total,,10,1,5,0.4,1,1",
        ],
        "nothing from September: the kiosk's records start on 1 October"
    );
    let course = export(&["--group", "eight-week course"]);
    let rows: Vec<&str> = course.lines().skip(1).collect();
    assert_eq!(rows.len(), 6, "{course}");
    assert!(
        rows.iter()
            .take(5)
            .all(|r| r.contains(",Eight-week course,"))
    );
    assert!(
        rows.contains(&"2026-10-27,Tuesday,18:00,19:30,Eight-week course,cancelled,0,0,0,0,0,0")
    );
    assert!(
        rows[5].starts_with("total,,,,,held 4; cancelled 1; visits 2;"),
        "{course}"
    );
    let course_monthly = export(&["--group", "Eight-week course", "--by", "month"]);
    assert_eq!(course_monthly.lines().last(), Some("total,,4,1,2,0.5,1,0"));
    let run = k.run(&[
        "export",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--group",
        "Tuesday",
    ]);
    run.assert_one_line_failure();
    assert!(
        run.stderr.contains(
            "there is no group called \"Tuesday\"; the groups are \"Drop-in group\", \"Eight-week course\""
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn home_and_the_script_screen_learn_the_group_on_or_next_and_the_meeting_topic() {
    let mut t = two_groups_tablet(THIRD_MEETING, &[]);
    let k = t.harness.state_mut();
    let now = k.now();
    let (view, _) = k.frame(now);
    let group = view.group_now.clone().unwrap();
    assert_eq!(
        (group.name.as_str(), group.room.as_str()),
        ("Eight-week course", "Room 5")
    );
    assert_eq!(
        group.topic_line.as_deref(),
        Some("Meeting 3 of 8 · Drug, set and setting")
    );
    assert!(group.topic.unwrap().prompt.contains("where and with whom"));
    assert_eq!(
        view.group_schedules,
        vec![
            "Drop-in group · Mon 1:30–2:30 PM",
            "Eight-week course · Tue 6–7:30 PM"
        ]
    );
    assert!(view.suggestions.is_empty() && view.script.is_none());

    t.harness.state_mut().apply(Action::OpenScript);
    t.harness.run();
    let k = t.harness.state_mut();
    let (view, _) = k.frame(now);
    let script = view.script.unwrap();
    assert!(script.opening.contains("welcome to Eight-week course"));
    assert!(
        script
            .opening
            .contains("in Room 5 on Tuesday, from 6:00 PM to 7:30 PM")
    );
    assert!(script.opening.contains("two feelings"));
    assert!(
        script
            .closing
            .contains("one about your use, and one about your wellbeing")
    );

    t.harness.state_mut().apply(Action::SetLanguage(
        dropin_kiosk::domain::lang::Lang::from_code("es").unwrap(),
    ));
    t.harness.run();
    let (view, _) = t.harness.state_mut().frame(now);
    assert_eq!(
        view.group_now.unwrap().topic_line.as_deref(),
        Some("Reunión 3 de 8 · Sustancia, estado de ánimo y entorno")
    );
}

#[test]
fn a_cancelled_course_meeting_keeps_its_topic_for_the_next_one() {
    let mut t = two_groups_tablet(THIRD_MEETING, &["2026-10-13"]);
    let now = t.kiosk().now();
    let (view, _) = t.harness.state_mut().frame(now);
    assert_eq!(
        view.group_now.unwrap().topic_line.as_deref(),
        Some("Meeting 2 of 8 · Weighing the pros and cons of a change")
    );
}

fn open_suggest(t: &mut Tablet) {
    t.tap("Suggest a topic");
}

/// The suggestions stored for the Wednesday 25 November drop-in group.
fn stored(t: &Tablet) -> Vec<Suggested> {
    let at = instant("2026-11-25T13:30:00-08:00");
    t.kiosk()
        .store()
        .unwrap()
        .suggestions("Drop-in Group", at - chrono::Duration::days(1), at)
        .unwrap()
        .into_iter()
        .map(|s| s.topic)
        .collect()
}

#[test]
fn a_topic_tapped_or_written_is_sent_with_no_name_and_thanked_warmly() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    open_suggest(&mut t);
    for label in [
        "What would you like the group to talk about?",
        "Tap a topic or write a few words. No name needed.",
        "Housing",
        "Money",
        "Health",
        "Feelings",
        "Family and friends",
        "Staying safe",
        "Write my own",
        "Send",
        "Back",
    ] {
        assert!(t.has(label), "the suggest screen should show {label:?}");
    }
    t.tap("Housing");
    t.tap("Send");
    assert!(t.has("Thank you. The group leader will see your idea."));
    t.tap("Done");
    assert!(t.on_home());
    assert_eq!(stored(&t), vec![Suggested::Common(CommonTopic::Housing)]);

    open_suggest(&mut t);
    t.tap("Write my own");
    for key in ["S", "L", "E", "E", "P", "Space", "H", "E", "L", "P"] {
        t.tap(key);
    }
    t.tap("Send");
    assert!(t.has("Thank you. The group leader will see your idea."));
    // It goes Home by itself after a few seconds.
    t.wait(chrono::Duration::seconds(7));
    assert!(t.on_home());
    assert!(
        !t.has_text_containing("Sleep"),
        "nobody at Home sees suggestions"
    );
    assert_eq!(
        stored(&t),
        vec![
            Suggested::Common(CommonTopic::Housing),
            Suggested::Own("Sleep help".into())
        ]
    );

    // The facilitator's screen gets them, grouped with counts.
    open_suggest(&mut t);
    t.tap("Housing");
    t.tap("Send");
    t.tap("Done");
    assert!(
        !t.has_text_containing("Housing"),
        "nobody at Home sees them"
    );
    t.tap("Facilitator script");
    assert!(t.has("Topics suggested for the next meeting of Drop-in Group"));
    assert!(t.has("2 × Housing"));
    assert!(
        !t.has_text_containing("Sleep help"),
        "typed words wait until staff have read them"
    );
}

#[test]
fn home_shows_each_groups_times_and_the_course_meeting_it_is_in() {
    let mut t = two_groups_tablet(THIRD_MEETING, &[]);
    for label in [
        "Eight-week course",
        "Meeting 3 of 8 · Drug, set and setting",
        "Room 5",
        "Drop-in group · Mon 1:30–2:30 PM",
        "Eight-week course · Tue 6–7:30 PM",
        "Suggest a topic",
    ] {
        assert!(t.has(label), "Home should show {label:?}");
    }
    t.tap("Facilitator script");
    assert!(t.has("Meeting 3 of 8 · Drug, set and setting"));
    assert!(t.has_text_containing("where and with whom"));
    assert!(t.has_text_containing("two feelings"));
    t.tap("Back to Home");
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    assert!(t.has("Reunión 3 de 8 · Sustancia, estado de ánimo y entorno"));
}

#[test]
fn words_typed_for_one_person_are_gone_for_the_next_and_nothing_chosen_sends_nothing() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    open_suggest(&mut t);
    t.tap("Write my own");
    for key in ["R", "E", "N", "T"] {
        t.tap(key);
    }
    t.tap("Back");
    assert!(
        t.has_text_containing("Rent"),
        "Back keeps the words to send"
    );
    t.tap("Back");
    assert!(t.on_home());
    open_suggest(&mut t);
    assert!(!t.has_text_containing("Rent"));
    t.tap("Write my own");
    assert!(
        !t.has_text_containing("Rent"),
        "a new, empty field each visit"
    );
    t.tap("Back");
    t.tap("Send");
    assert!(t.on_home(), "nothing to send: straight Home");
    assert!(stored(&t).is_empty());
}

#[test]
fn the_suggest_screen_speaks_spanish_and_the_next_person_gets_the_default_language() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Proponer un tema");
    for label in [
        "¿De qué te gustaría que hable el grupo?",
        "Vivienda",
        "Cuidarnos",
        "Escribir el mío",
        "Enviar",
    ] {
        assert!(t.has(label), "{label:?}");
    }
    t.tap("Vivienda");
    t.tap("Enviar");
    assert!(t.has("Gracias. Quien guía el grupo verá tu idea."));
    t.tap("Listo");
    assert!(t.on_home());
    assert!(t.has("Sign in with my first name"));
}

#[test]
fn staff_see_suggested_topics_per_group_and_remove_one() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    for topic in ["Money", "Health"] {
        open_suggest(&mut t);
        t.tap(topic);
        t.tap("Send");
        t.tap("Done");
    }
    set_up_staff(&mut t);
    t.tap("Script");
    assert!(t.has("Topics suggested for the next meeting of Drop-in Group"));
    assert!(t.has("1 × Money") && t.has("1 × Health"));
    t.tap("Remove: 1 × Money");
    assert!(t.has("The suggestion was removed."));
    assert!(!t.has("1 × Money") && t.has("1 × Health"));
    assert_eq!(stored(&t), vec![Suggested::Common(CommonTopic::Health)]);
}

#[test]
fn staff_add_a_course_group_and_move_a_slot_to_it_in_the_schedule_section() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    set_up_staff(&mut t);
    t.tap("Schedule");
    t.tap("Add a group");
    t.tap("Save schedule");
    assert!(t.has("Each group needs its own name."));
    set_text(&mut t, "Name 2", "Eight-week course");
    t.tap("Course 2");
    set_text(&mut t, "First meeting 2", "next week");
    t.tap("Save schedule");
    assert!(t.has("The first meeting of Eight-week course must be a date like 2026-10-06."));
    set_text(&mut t, "First meeting 2", "2026-12-01");
    t.tap("Script 2: course");
    t.tap("Group 3: Eight-week course");
    set_text(&mut t, "From 3", "18:00");
    set_text(&mut t, "To 3", "19:30");
    t.tap("Save schedule");
    assert!(t.has_text_containing("Saved."), "staff see it saved");
    let text = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    for expected in [
        "[[group]]\nname = \"Drop-in Group\"",
        "name = \"Eight-week course\"\nscript = \"course\"\ncourse_start = \"2026-12-01\"\ntopics = \"eight-week\"",
        "weekday = \"fri\"\nstart = \"18:00\"\nend = \"19:30\"\ngroup = \"Eight-week course\"",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert_eq!(t.kiosk().settings.group_names().len(), 2);
    // A group that still meets cannot be removed.
    t.tap("Remove group 2");
    assert!(t.has("Eight-week course still has group times; move or remove them first."));
    assert!(matches!(t.kiosk().visit.screen, Screen::Staff(_)));
}

#[test]
fn staff_export_a_monthly_summary_as_a_file_and_a_qr_code() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    t.tap("Count me in — no name");
    t.tap("Done");
    set_up_staff(&mut t);
    t.tap("Export");
    assert!(t.has("One row per session") && t.has("One row per month and group"));
    t.tap("One row per month and group");
    assert!(t.has("Scan with a phone to take the whole CSV."));
    t.tap("This tablet (exports folder)");
    let file = t
        .dir
        .path()
        .join("exports")
        .join("attendance-by-month-2026-10-29-to-2026-11-25.csv");
    let csv = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        vec![
            "month,group,sessions_held,sessions_cancelled,visits,mean_per_session,first_visits,outside_hours_visits",
            "2026-11,Drop-in Group,1,0,1,1.0,0,0",
            "total,,1,0,1,1.0,0,0",
        ]
    );
}
