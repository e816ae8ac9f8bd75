//! Nothing confirmed is lost: the real binary signs people in and is killed (SIGKILL) at
//! random moments; every sign-in it confirmed is in the store and the store is sound.
//! (`cargo bench --bench bench -- soak --kills 200` runs the long version.)

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use dropin_kiosk::store::Store;

use crate::ui::instant;
use crate::util::Kiosk;

#[test]
fn every_confirmed_sign_in_survives_sigkill_and_the_store_stays_sound() {
    let k = Kiosk::new();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut confirmed = Vec::new();
    let mut killed = 0;
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
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Every fourth run is left to finish, so even a slow machine confirms some.
        if i % 4 != 3 {
            std::thread::sleep(Duration::from_micros(seed % 12_000));
            if child.kill().is_ok() {
                killed += 1;
            }
        }
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        child.wait().unwrap();
        if out.starts_with("Signed in") {
            confirmed.push(name);
        }
    }
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
        killed > 0 && !confirmed.is_empty(),
        "killed {killed}, confirmed {}",
        confirmed.len()
    );
}
