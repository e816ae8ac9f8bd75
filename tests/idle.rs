//! What the kiosk costs while nothing happens: no thread of its own libraries left waking.

use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The names of this process's threads that start with `prefix`.
fn threads_named(prefix: &str) -> Vec<String> {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .map(|name| name.trim().to_string())
        .filter(|name| name.starts_with(prefix))
        .collect()
}

/// AccessKit's D-Bus link runs small jobs on the `blocking` crate's threads. Once a job is
/// done, its thread must go away, not wake twice a second for as long as the kiosk runs
/// (blocking 1.7.0 keeps them: 7 ms of CPU a minute, half the kiosk's own once-a-minute frame).
#[test]
fn a_helper_thread_goes_away_when_its_job_is_done() {
    let (done, ran) = mpsc::channel();
    blocking::unblock(move || done.send(()).unwrap()).detach();
    ran.recv_timeout(Duration::from_secs(10))
        .expect("the job ran on a helper thread");
    assert!(
        !threads_named("blocking-").is_empty(),
        "the job ran on a thread named blocking-N"
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while !threads_named("blocking-").is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        threads_named("blocking-"),
        Vec::<String>::new(),
        "an idle helper thread is still there 5 s after its job"
    );
}
