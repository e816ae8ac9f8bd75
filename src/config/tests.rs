//! Settings: defaults, parsing, every validation message with its line, loading and saving.

use super::*;
use chrono::NaiveDate;

/// The problem as staff read it in English.
fn said(problem: &SettingsProblem) -> String {
    crate::words::settings::problem(problem, &crate::locale::english())
}

#[test]
fn the_shipped_settings_are_the_documented_defaults() {
    let s = parse(DEFAULT_SETTINGS_TOML).unwrap();
    assert_eq!(s, Settings::default());
    assert_eq!(s.slots.len(), 3);
    assert_eq!(
        (s.early_window_min, s.wrap_up_min, s.ended_min),
        (30, 5, 15)
    );
    assert_eq!((s.retention_days, s.language), (30, Lang::EN));
}

#[test]
fn first_run_uses_the_machine_time_zone() {
    let s = parse(&first_run_text(Some("Europe/Madrid"))).unwrap();
    assert_eq!(s.time_zone, chrono_tz::Europe::Madrid);
    let s = parse(&first_run_text(Some("Not/AZone"))).unwrap();
    assert_eq!(s.time_zone, chrono_tz::UTC);
}

#[test]
fn validate_reports_every_problem_with_its_line() {
    let text = "time_zone = \"Mars/Olympus\"\nlanguage = \"French\"\nwrap_up_min = 500\n\n[[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\n\n[[slot]]\nweekday = \"funday\"\nstart = \"25:00\"\nend = \"14:30\"\n";
    let err = parse(text).unwrap_err().to_string();
    assert!(
        err.contains("line 1, time_zone: \"Mars/Olympus\" is not a known time zone"),
        "{err}"
    );
    assert!(err.contains("line 2, language"), "{err}");
    assert!(
        err.contains("line 3, wrap_up_min: 500 is out of range"),
        "{err}"
    );
    assert!(err.contains("line 11, weekday"), "{err}");
    assert!(err.contains("line 12, start"), "{err}");
}

#[test]
fn overlapping_slots_and_backwards_times_are_refused() {
    let text = "[[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\n[[slot]]\nweekday = \"mon\"\nstart = \"14:00\"\nend = \"15:00\"\n[[slot]]\nweekday = \"tue\"\nstart = \"15:00\"\nend = \"14:00\"\n";
    let err = parse(text).unwrap_err().to_string();
    assert!(err.contains("overlaps"), "{err}");
    assert!(err.contains("not after its start"), "{err}");
}

#[test]
fn a_line_is_named_however_the_file_is_laid_out() {
    let text = "slot = [\n  { weekday = \"mon\", start = \"13:30\", end = \"14:30\" },\n  { weekday = \"mon\", start = \"14:00\", end = \"9:00\" },\n]\nwrap_up_min=   75\n";
    let err = parse(text).unwrap_err().to_string();
    assert!(
        err.contains("line 3, end: the Monday group ends at 09:00"),
        "{err}"
    );
    assert!(
        err.contains("line 5, wrap_up_min: 75 is out of range; use 0 to 60 minutes"),
        "{err}"
    );
}

#[test]
fn a_syntax_error_names_its_line() {
    let err = parse("group_name = \"Open\nroom = 3\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 1"), "{err}");
    let err = parse("group_name = \"Open\"\nroom = = 3\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 2"), "{err}");
    let err = parse("group_name = \"A\"\nrooom = \"B\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 2") && err.contains("rooom"), "{err}");
}

#[test]
fn a_malformed_file_runs_on_the_last_good_copy_and_is_kept_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "group_name = \"Open Door\"\n").unwrap();
    assert_eq!(load(&path).settings.group_name, "Open Door");
    let bad = "group_name = \"Open Door\"\nearly_window_min = \"soon\"\n";
    std::fs::write(&path, bad).unwrap();
    let loaded = load(&path);
    assert_eq!(loaded.settings.group_name, "Open Door");
    let problem = said(&loaded.problem.unwrap());
    assert!(
        problem.contains("line 2") && problem.contains("last good"),
        "{problem}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
}

#[test]
fn a_malformed_file_with_no_good_copy_runs_on_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "[[[").unwrap();
    let loaded = load(&path);
    assert_eq!(loaded.settings, Settings::default());
    assert!(said(&loaded.problem.unwrap()).contains("built-in settings"));
}

#[test]
fn saved_settings_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    let s = Settings {
        group_name: "Grupo \"Abierto\"".into(),
        language: Lang::from_code("es").unwrap(),
        ..Settings::default()
    };
    save(&path, &s).unwrap();
    assert_eq!(load(&path).settings, s);
}

/// Two groups in one room: the drop-in group and an eight-week course.
const TWO_GROUPS: &str = include_str!("../../tests/fixtures/two-groups.toml");

#[test]
fn groups_and_a_course_are_read_with_each_slot_on_its_group() {
    let s = parse(TWO_GROUPS).unwrap();
    assert_eq!(s.group_names(), vec!["Drop-in group", "Eight-week course"]);
    let course = &s.groups[1];
    assert_eq!(s.room_of(course), "Room 5");
    assert_eq!(s.room_of(&s.groups[0]), "Room 2");
    let c = course.course.as_ref().unwrap();
    assert_eq!(c.start, NaiveDate::from_ymd_opt(2026, 10, 6).unwrap());
    assert_eq!(c.topics, Topics::Set("eight-week".into()));
    let groups: Vec<usize> = s.slots.iter().map(|slot| slot.group).collect();
    assert_eq!(groups, vec![0, 1]);
    assert_eq!(parse(&s.to_toml()).unwrap(), s);
}

#[test]
fn a_file_with_no_groups_is_one_group_and_is_saved_in_the_same_shape() {
    let s = parse(DEFAULT_SETTINGS_TOML).unwrap();
    assert_eq!(s.group_names(), vec!["Drop-in Group"]);
    assert!(s.is_one_plain_group());
    let text = s.to_toml();
    assert!(
        !text.contains("[[group]]") && !text.contains("group = "),
        "{text}"
    );
    let mut renamed = s.clone();
    renamed.set_name_and_room("Open Door", "Hall");
    assert_eq!(renamed.group_names(), vec!["Open Door"]);
    assert!(!renamed.to_toml().contains("[[group]]"));
}

#[test]
fn a_slot_of_a_group_that_does_not_exist_is_named_by_its_line() {
    let text = TWO_GROUPS.replace(
        "group = \"Eight-week course\"\n",
        "group = \"Eight week course\"\n",
    );
    let err = parse(&text).unwrap_err().to_string();
    assert_eq!(
        err,
        "line 26, group: there is no group called \"Eight week course\"; use one of: \
         \"Drop-in group\", \"Eight-week course\""
    );
}

#[test]
fn overlapping_slots_of_different_groups_are_named_by_their_line() {
    let text = format!(
        "{TWO_GROUPS}\n[[slot]]\nweekday = \"tue\"\nstart = \"19:00\"\nend = \"20:00\"\ngroup = \"Drop-in group\"\n"
    );
    let err = parse(&text).unwrap_err().to_string();
    assert_eq!(
        err,
        "line 31, end: the Tuesday group at 19:00 overlaps the Tuesday group at 18:00"
    );
}

#[test]
fn group_mistakes_are_each_named_by_their_line() {
    let text = "[[group]]\nname = \"A\"\ncourse_start = \"6 Oct\"\ntopics = \"eight-week\"\n\
                [[group]]\nname = \"A\"\ntopics = []\n\
                [[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\n";
    let err = parse(text).unwrap_err().to_string();
    for expected in [
        "line 3, course_start: \"6 Oct\" is not a date",
        "line 6, name: two groups are called \"A\"",
        "line 7, topics: give the name of a course",
        "line 7, topics: a course needs course_start too",
        "line 9, group: this slot needs group = \"...\", one of: \"A\", \"A\"",
    ] {
        assert!(err.contains(expected), "{expected:?} in {err}");
    }
}

#[test]
fn topics_may_be_written_as_a_list_of_titles() {
    let text = TWO_GROUPS.replace("topics = \"eight-week\"", "topics = [\"Sleep\", \"Money\"]");
    let s = parse(&text).unwrap();
    let c = s.groups[1].course.as_ref().unwrap();
    assert_eq!(c.topics, Topics::List(vec!["Sleep".into(), "Money".into()]));
    assert_eq!(parse(&s.to_toml()).unwrap(), s);
}

#[test]
fn the_site_is_the_room_until_one_is_set_and_a_set_site_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    let mut s = Settings::default();
    assert_eq!(s.site_name(), "Room 2");
    s.set_name_and_room("Open Door", "Hall");
    assert_eq!(s.site_name(), "Hall", "an unset site follows the room");
    save(&path, &s).unwrap();
    assert!(!std::fs::read_to_string(&path).unwrap().contains("site"));
    let north = parse("room = \"Room 2\"\nsite = \" North \"\n").unwrap();
    assert_eq!(north.site_name(), "North");
    save(&path, &north).unwrap();
    assert_eq!(load(&path).settings.site_name(), "North");
}
