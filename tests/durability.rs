//! Nothing confirmed is lost: the real binary signs people in and is killed (SIGKILL) at
//! random moments, and right after it has printed its confirmation; every sign-in it
//! confirmed is in the store and the store is sound.
//! (`cargo bench --bench bench -- soak --kills 200` runs the long version.)

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use dropin_kiosk::store::Store;

use crate::util::DataFolder;
use crate::util::instant;

const SIGKILL: i32 = 9;

#[test]
fn every_confirmed_sign_in_survives_sigkill_and_the_store_stays_sound() {
    let k = DataFolder::new();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut confirmed = Vec::new();
    let mut killed = 0;
    // Sign-ins whose process printed its confirmation and was then killed before it could
    // exit: the case that proves a confirmation is only printed once the commit is durable.
    let mut confirmed_then_killed = 0;
    for i in 0..60 {
        let name = format!("Person {i}");
        let at = format!("2026-11-25T13:{:02}:{:02}-08:00", 30 + i / 60, i % 60);
        let mut child = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(k.path())
            .args(["sign-in", "--name", &name, "--at", &at])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        if i % 2 == 0 {
            // At a random moment: before, during or after the commit.
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            std::thread::sleep(Duration::from_micros(seed % 12_000));
            let _ = child.kill();
            out.read_line(&mut line).unwrap();
        } else {
            // The moment the confirmation appears, while the process is still closing.
            out.read_line(&mut line).unwrap();
            let _ = child.kill();
        }
        let status = child.wait().unwrap();
        let died_killed = status.signal() == Some(SIGKILL);
        killed += usize::from(died_killed);
        if line.starts_with("Signed in") {
            confirmed.push(name);
            confirmed_then_killed += usize::from(died_killed);
        }
    }
    println!(
        "killed {killed} of 60 runs; {} sign-ins confirmed, {confirmed_then_killed} of them by a \
         process that was then killed",
        confirmed.len()
    );
    let store = Store::open(&k.path().join("kiosk.db")).unwrap();
    assert!(store.integrity_ok().unwrap());
    let stored: Vec<String> = store
        .names_between(
            instant("2026-11-25T00:00:00Z"),
            instant("2026-11-27T00:00:00Z"),
        )
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    let lost: Vec<_> = confirmed.iter().filter(|n| !stored.contains(n)).collect();
    assert!(lost.is_empty(), "confirmed but lost: {lost:?}");
    assert!(
        confirmed_then_killed > 0,
        "no confirmed sign-in came from a killed process (killed {killed}, confirmed {})",
        confirmed.len()
    );
}
