//! What the process shows of a name: no core file and no memory another process
//! of the same user can read, and no name on the command line (`sign-in --name -`).

use std::io::Write as _;
use std::os::unix::fs::MetadataExt as _;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dropin_kiosk::app::Screen;
use egui_kittest::kittest::Queryable as _;

use crate::util::DataFolder;

/// The user the kiosk runs as here: a test run as root runs it as `nobody`, since the
/// kernel shows a process that is not dumpable as root's, and so would root's own.
const NOBODY: u32 = 65534;

fn current_uid() -> u32 {
    std::fs::metadata("/proc/self").unwrap().uid()
}

/// The soft and hard limit on core files of process `pid`, as `/proc/<pid>/limits` says.
fn core_limits(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let mut words = line["Max core file size".len()..].split_whitespace();
    (
        words.next().unwrap().to_string(),
        words.next().unwrap().to_string(),
    )
}

#[test]
fn a_sign_in_waiting_for_its_name_can_leave_no_core_file_and_no_memory_to_read() {
    let k = DataFolder::new();
    let mut command = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"));
    let runs_as = if current_uid() == 0 {
        for path in [k.path().to_path_buf(), k.settings_path()] {
            std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
        }
        command.uid(NOBODY).gid(NOBODY);
        NOBODY
    } else {
        current_uid()
    };
    let mut child = command
        .arg("--data-dir")
        .arg(k.path())
        .args([
            "sign-in",
            "--name",
            "-",
            "--at",
            "2026-11-25T13:35:00-08:00",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();

    // The database is opened after the process has locked itself down, and before the
    // name is read: from then on the process waits for the name, holding it next.
    let waited = Instant::now();
    while !k.path().join("kiosk.db").exists() {
        assert!(
            waited.elapsed() < Duration::from_secs(20),
            "the sign-in never opened its database"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let limits = core_limits(pid);
    // A process that is not dumpable has its /proc files owned by root, whoever runs it.
    let owner = std::fs::metadata(format!("/proc/{pid}/status"))
        .unwrap()
        .uid();

    child.stdin.take().unwrap().write_all(b"Zebulon\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Signed in Zebulon at 2026-11-25 13:35"),
        "{stderr}"
    );
    assert_eq!(
        limits,
        ("0".to_string(), "0".to_string()),
        "a crash could write a core file"
    );
    assert_ne!(runs_as, 0);
    assert_eq!(
        owner, 0,
        "another process of user {runs_as} could read the kiosk's memory, and a crash dump it"
    );
}

#[test]
fn a_name_read_from_standard_input_is_signed_in_as_if_it_were_typed_after_name() {
    let k = DataFolder::new();
    let at = "2026-11-25T13:35:00-08:00";
    let run = k.run_with_input(&["sign-in", "--name", "-", "--at", at], "  Casey \n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "Signed in Casey at 2026-11-25 13:35, the 2026-11-25 13:30 group."
    );
    // The same person again, named on the line: counted once, so it was stored as "Casey".
    let again = k.ok(&[
        "sign-in",
        "--name",
        "CASEY",
        "--at",
        "2026-11-25T13:40:00-08:00",
    ]);
    assert!(again.contains("counted once"), "{again}");

    let blank = k.run_with_input(&["sign-in", "--name", "-", "--at", at], "\n");
    assert_eq!(blank.code, 0, "{}", blank.stderr);
    assert!(
        blank.stdout.contains("an anonymous visitor"),
        "{}",
        blank.stdout
    );
}

#[test]
fn standard_input_with_two_names_or_none_records_nobody() {
    let k = DataFolder::new();
    let at = "2026-11-25T13:35:00-08:00";
    let two = k.run_with_input(&["sign-in", "--name", "-", "--at", at], "Casey\nRobin\n");
    two.assert_one_line_failure();
    assert!(two.stderr.contains("once for each name"), "{}", two.stderr);
    let none = k.run_with_input(&["sign-in", "--name", "-", "--at", at], "");
    none.assert_one_line_failure();
    assert!(
        crate::util::files_containing(k.path(), "Casey").is_empty()
            && crate::util::files_containing(k.path(), "Robin").is_empty(),
        "a name was stored"
    );
}

/// 24 letters, the longest name kept. Freed memory loses its first 16 bytes to the
/// allocator's own bookkeeping, so it is the surname at the end that would be left behind.
const LONG_NAME: &str = "Zebulon Ambrose Quennell";
const SURNAME: &str = "Quennell";

/// How many times `needle` lies in this process's writable memory: the heap, every thread's
/// stack and arena, whether in use or freed. Read-only memory (where `needle` itself and the
/// program's literals are) is left out, and so is the buffer the memory is read into.
fn copies_in_memory(needle: &str) -> usize {
    use std::os::unix::fs::FileExt as _;
    let needle = needle.as_bytes();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let mem = std::fs::File::open("/proc/self/mem").unwrap();
    let mut buf = vec![0u8; 1 << 20];
    let own = buf.as_ptr() as usize..buf.as_ptr() as usize + buf.len();
    let mut found = 0;
    for line in maps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // [vvar] and [vsyscall] cannot be read; neither holds anything of ours.
        if !fields[1].starts_with("rw") || fields.get(5).is_some_and(|p| p.starts_with("[v")) {
            continue;
        }
        let (start, end) = fields[0].split_once('-').unwrap();
        let end = u64::from_str_radix(end, 16).unwrap();
        let mut at = u64::from_str_radix(start, 16).unwrap();
        while at < end {
            let len = (end - at).min(buf.len() as u64) as usize;
            let Ok(read) = mem.read_at(&mut buf[..len], at) else {
                break;
            };
            let chunk = &buf[..read];
            for (i, _) in chunk.iter().enumerate().filter(|(_, b)| **b == needle[0]) {
                let address = at as usize + i;
                if chunk.get(i..i + needle.len()) == Some(needle) && !own.contains(&address) {
                    found += 1;
                }
            }
            if read < len || at + read as u64 >= end {
                break;
            }
            // Chunks overlap by one needle less a byte, so a copy across two is found once.
            at += (read - (needle.len() - 1)) as u64;
        }
    }
    found
}

#[test]
fn a_name_typed_and_left_unsent_leaves_no_copy_in_the_kiosks_memory() {
    let mut t = crate::util::Tablet::at("2026-11-25T13:56:00-08:00");
    t.tap("Sign in with my first name");
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(LONG_NAME);
    t.harness.run();
    assert!(
        matches!(&t.kiosk().visit.screen, Screen::SignIn { name, .. } if name == LONG_NAME),
        "the name was not typed"
    );
    assert!(
        copies_in_memory(SURNAME) > 0,
        "the search cannot find a name"
    );

    t.tap("Back");
    // A few frames on Home, as the screen would draw in its first seconds.
    t.wait(chrono::Duration::seconds(1));
    t.wait(chrono::Duration::seconds(1));
    assert!(t.on_home());
    assert_eq!(
        copies_in_memory(SURNAME),
        0,
        "the name stays in memory after the person has gone"
    );
}
