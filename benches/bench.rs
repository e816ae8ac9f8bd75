//! The project's benchmark and soak tool (SPEC §9). It prints figures — medians, p99, ratios —
//! and never asserts them. It is a bench target (`harness = false`), so it is built only for
//! `cargo bench` and never ships with the kiosk; cargo builds the kiosk binary it drives.
//!
//! ```text
//! cargo bench --bench bench                        # commit and export, as a table
//! cargo bench --bench bench -- commit              # tap-to-confirmation latency
//! cargo bench --bench bench -- export              # export of 10k, 100k, 1M sign-ins
//! cargo bench --bench bench -- soak --kills 200    # kill -9 the sign-in command, check nothing confirmed is lost
//! cargo bench --bench bench -- idle                # idle CPU, memory, first frame and the
//!                                                  # week, beside a browser's 1 Hz clock (Xvfb)
//! cargo bench --bench bench -- idle --before OLD   # the same, an older build measured beside it
//! ```

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode, ExitStatus, Stdio};
use std::time::{Duration as StdDuration, Instant};

use anyhow::{Context as _, Result, anyhow, bail};
use chrono::{DateTime, Duration, Utc};
use clap::{Parser, Subcommand};
use dropin_kiosk::config::{self, Settings};
use dropin_kiosk::domain::names::normalize;
use dropin_kiosk::domain::schedule::{Occurrence, Schedule};
use dropin_kiosk::domain::visit::NewSignIn;
use dropin_kiosk::export;
use dropin_kiosk::report::counts as report_from_store;
use dropin_kiosk::store::Store;
use rand::RngExt as _;
use rand::rngs::ThreadRng;
use rand::seq::IndexedRandom as _;
use rusqlite::{Connection, params};
use tempfile::TempDir;

#[derive(Debug, Parser)]
#[command(
    name = "bench",
    about = "Benchmarks and soak tests for dropin-kiosk; prints figures, asserts nothing."
)]
struct Args {
    /// Folder in which scratch data folders are made (default: the system temporary folder).
    #[arg(long, global = true, value_name = "DIR")]
    work_dir: Option<PathBuf>,

    /// Passed by `cargo bench` to every bench target; nothing to do with it here.
    #[arg(long, global = true, hide = true)]
    bench: bool,

    #[command(subcommand)]
    command: Option<Bench>,
}

#[derive(Debug, Subcommand)]
enum Bench {
    /// Tap-to-confirmation latency, durable commit included.
    Commit {
        /// Sign-ins to time.
        #[arg(long, default_value_t = 1000)]
        count: usize,
    },
    /// Export time (count from the store, then CSV) for growing stores.
    Export {
        /// Store sizes to time, comma-separated.
        #[arg(long, value_delimiter = ',', default_values_t = [10_000, 100_000, 1_000_000])]
        sizes: Vec<usize>,
    },
    /// Kill the real `sign-in` command at random moments; check nothing confirmed is lost.
    Soak {
        /// How many running sign-ins to kill.
        #[arg(long, default_value_t = 200)]
        kills: usize,
        /// Kill each child at a random moment up to this many milliseconds after spawning it.
        #[arg(long, default_value_t = 30)]
        max_delay_ms: u64,
    },
    /// Idle CPU and memory of the kiosk window in three timer phases and its first frame,
    /// beside Chromium showing a 1 Hz clock, at each screen size; then the week's average.
    Idle {
        /// Seconds idle-cost lets the window settle (its default when left out).
        #[arg(long)]
        settle: Option<u32>,
        /// Seconds idle-cost measures over (its default when left out).
        #[arg(long)]
        measure: Option<u32>,
        /// Screen sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_values_t = ["1280x800".to_string(), "1920x1200".to_string()])]
        sizes: Vec<String>,
        /// Another kiosk binary to measure (an older build, to compare); default: this one.
        #[arg(long, value_name = "PATH")]
        kiosk: Option<PathBuf>,
        /// An older kiosk binary to measure beside it, phase by phase in the same run, so both
        /// see the same machine; the table then gives both rows and their ratio.
        #[arg(long, value_name = "PATH")]
        before: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) if err.use_stderr() => {
            let text = err.to_string();
            let line = text.lines().next().unwrap_or("error: invalid arguments");
            eprintln!("bench: {}", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
        Err(err) => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<()> {
    let work = args.work_dir.unwrap_or_else(std::env::temp_dir);
    match args.command {
        Some(Bench::Commit { count }) => {
            commit(&work, count)?;
        }
        Some(Bench::Export { sizes }) => {
            export(&work, &sizes)?;
        }
        Some(Bench::Soak {
            kills,
            max_delay_ms,
        }) => soak(&work, kills, max_delay_ms)?,
        Some(Bench::Idle {
            settle,
            measure,
            sizes,
            kiosk,
            before,
        }) => idle(&work, settle, measure, &sizes, kiosk, before.as_deref())?,
        None => {
            let c = commit(&work, 1000)?;
            println!();
            let e = export(&work, &[10_000, 100_000, 1_000_000])?;
            println!();
            println!("{:<40} {:>12}   target (SPEC §9)", "figure", "value");
            println!(
                "{:<40} {:>9.2} ms   < 50 ms",
                "commit (sign_in) median", c.commit.median
            );
            println!("{:<40} {:>9.2} ms", "commit (sign_in) p99", c.commit.p99);
            println!(
                "{:<40} {:>9.2} ms   < 50 ms",
                "tap path (new + sign_in) median", c.path.median
            );
            println!(
                "{:<40} {:>9.2} ms",
                "tap path (new + sign_in) p99", c.path.p99
            );
            println!(
                "{:<40} {:>9.2} ms",
                "tap path (new + sign_in) max", c.path.max
            );
            for (size, ms) in e {
                let target = if size == 1_000_000 {
                    "   < 2000 ms"
                } else {
                    ""
                };
                println!(
                    "{:<40} {ms:>9.1} ms{target}",
                    format!("export of {} sign-ins (median of 3)", thousands(size))
                );
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// A scratch folder in `work`, removed when dropped.
fn scratch_dir(work: &Path, label: &str) -> Result<TempDir> {
    tempfile::Builder::new()
        .prefix(&format!("dropin-bench-{label}-"))
        .tempdir_in(work)
        .with_context(|| format!("could not create a scratch folder in {}", work.display()))
}

/// One of the sample first names with probability `p`, otherwise none.
fn maybe_name(rng: &mut ThreadRng, p: f64) -> &'static str {
    if rng.random_bool(p) {
        NAMES.choose(rng).copied().unwrap_or_default()
    } else {
        ""
    }
}

/// First names with the case and spacing variants people type.
const NAMES: &[&str] = &[
    "Casey", "casey", "Robin", "Alex", "alex ", "Sam", "Jordan", "Taylor", "Morgan", "Jamie",
    "Riley", "Avery", "Quinn", "Drew", "Jesse", "Kai", "José", "jose", "María", "Ana", "Luis",
    "Sofía", "Mateo", "Lucía", "Diego", "Camila", "Chris", "Pat", "Lee", "Dana", "Frankie", "Noor",
    "Amir", "Mei", "Hana", "Omar", "Ivy", "Theo", "Rosa", "Eli",
];

/// Median, p99 and max of some timings, in milliseconds (nearest-rank percentiles).
#[derive(Debug, Clone, Copy)]
struct Summary {
    median: f64,
    p99: f64,
    max: f64,
}

fn summarize(mut ms: Vec<f64>) -> Summary {
    ms.sort_by(f64::total_cmp);
    let n = ms.len();
    let rank = |q: f64| -> f64 {
        if n == 0 {
            return f64::NAN;
        }
        let i = ((q * n as f64).ceil() as usize).clamp(1, n) - 1;
        ms[i]
    };
    Summary {
        median: rank(0.5),
        p99: rank(0.99),
        max: rank(1.0),
    }
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The file system a path is on, from `/proc/mounts` (fsync cost depends on it).
fn filesystem_of(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
        return "unknown file system".into();
    };
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [device, point, kind, ..] = fields[..] else {
            continue;
        };
        if path.starts_with(point) && best.as_ref().is_none_or(|(len, _)| point.len() >= *len) {
            best = Some((point.len(), format!("{kind} ({device} on {point})")));
        }
    }
    best.map_or_else(|| "unknown file system".into(), |(_, text)| text)
}

/// The kiosk binary, which cargo builds for this bench.
fn kiosk_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dropin-kiosk"))
}

// ---------------------------------------------------------------------------------------------
// commit

struct CommitFigures {
    commit: Summary,
    path: Summary,
}

fn commit(work: &Path, count: usize) -> Result<CommitFigures> {
    let scratch = scratch_dir(work, "commit")?;
    let db = scratch.path().join("kiosk.db");
    let mut store = Store::open(&db)?;
    let settings = Settings::default();
    let schedule = settings.schedule(store.cancellations()?);
    let mut rng = rand::rng();
    let mut commit_ms = Vec::with_capacity(count);
    let mut path_ms = Vec::with_capacity(count);
    for _ in 0..count {
        let name = maybe_name(&mut rng, 0.6);
        let tap = Instant::now();
        let new = NewSignIn::new(
            name,
            false,
            Utc::now(),
            &schedule,
            settings.early_window_min,
        );
        let before_commit = Instant::now();
        store.sign_in(&new)?;
        commit_ms.push(ms_since(before_commit));
        path_ms.push(ms_since(tap));
    }
    let figures = CommitFigures {
        commit: summarize(commit_ms),
        path: summarize(path_ms),
    };
    println!(
        "commit: {count} sign-ins into {} on {}, WAL, synchronous=FULL",
        db.display(),
        filesystem_of(scratch.path())
    );
    for (label, s) in [
        ("store.sign_in", figures.commit),
        ("NewSignIn::new + sign_in", figures.path),
    ] {
        println!(
            "  {label:<26} median {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms",
            s.median, s.p99, s.max
        );
    }
    Ok(figures)
}

// ---------------------------------------------------------------------------------------------
// export

/// Sign-ins spread over the two years before `now`: most in a session or its early window,
/// the rest at any hour; a bit over half with a first name, a few first visits.
fn realistic_batch(
    rng: &mut ThreadRng,
    n: usize,
    schedule: &Schedule,
    occurrences: &[Occurrence],
    span: (DateTime<Utc>, DateTime<Utc>),
    early_window_min: u32,
) -> Vec<NewSignIn> {
    let early = Duration::minutes(i64::from(early_window_min));
    let span_ms = (span.1 - span.0).num_milliseconds().max(1);
    (0..n)
        .map(|_| {
            let session = occurrences.choose(rng).filter(|_| rng.random_bool(0.85));
            let at = match session {
                Some(occ) => {
                    let from = occ.start - early;
                    let len = (occ.end - from).num_milliseconds().max(1);
                    from + Duration::milliseconds(rng.random_range(0..len))
                }
                None => span.0 + Duration::milliseconds(rng.random_range(0..span_ms)),
            };
            let name = maybe_name(rng, 0.55);
            NewSignIn::new(name, rng.random_bool(0.05), at, schedule, early_window_min)
        })
        .collect()
}

/// Stores many sign-ins in one transaction, as `Store::sign_in` stores one (a repeat is the
/// same name in the same scope), but without a durable commit per row.
fn insert_all(conn: &mut Connection, all: &[NewSignIn]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO sign_ins
                (at_ms, first_name, name_key, named, is_repeat, first_visit,
                 occ_start_ms, occ_end_ms, scope)
             VALUES (?1, ?2, ?3, ?4,
                EXISTS (SELECT 1 FROM sign_ins WHERE scope = ?7 AND name_key = ?3),
                ?5, ?6, ?8, ?7)",
        )?;
        for new in all {
            stmt.execute(params![
                new.at.timestamp_millis(),
                new.name,
                new.name_key,
                new.name.is_some(),
                new.first_visit,
                new.occurrence.map(|(s, _)| s.timestamp_millis()),
                new.scope,
                new.occurrence.map(|(_, e)| e.timestamp_millis()),
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Times the export at each size; returns (size, median ms of 3 runs).
fn export(work: &Path, sizes: &[usize]) -> Result<Vec<(usize, f64)>> {
    const BATCH: usize = 50_000;
    let scratch = scratch_dir(work, "export")?;
    let db = scratch.path().join("kiosk.db");
    let store = Store::open(&db)?;
    // Filling goes around the store, which only ever takes sign-ins one by one.
    let mut filler = Connection::open(&db)?;
    let settings = Settings::default();
    let schedule = settings.schedule(store.cancellations()?);
    let now = Utc::now();
    let start = now - Duration::days(730);
    let (from, to) = (schedule.local_date(start), schedule.local_date(now));
    let occurrences: Vec<Occurrence> = schedule
        .occurrences_between(from, to)
        .into_iter()
        .filter(|o| o.start >= start && o.end <= now)
        .collect();
    println!(
        "export: report_from_store + csv::to_string over {from}..={to} ({} sessions, {}), \
         store on {}",
        occurrences.len(),
        schedule.tz.name(),
        filesystem_of(scratch.path())
    );
    let mut sizes = sizes.to_vec();
    sizes.sort_unstable();
    let mut rng = rand::rng();
    let mut stored = 0;
    let mut out = Vec::new();
    for size in sizes {
        let fill = Instant::now();
        let added = size.saturating_sub(stored);
        while stored < size {
            let n = BATCH.min(size - stored);
            let batch = realistic_batch(
                &mut rng,
                n,
                &schedule,
                &occurrences,
                (start, now),
                settings.early_window_min,
            );
            insert_all(&mut filler, &batch)?;
            stored += n;
        }
        let fill_s = fill.elapsed().as_secs_f64();
        let mut runs = Vec::new();
        let mut rows = 0;
        let mut bytes = 0;
        for _ in 0..3 {
            let t = Instant::now();
            // Records kept since the start of the range, as a kiosk two years in would have.
            let query = dropin_kiosk::report::Query::dates(from, to, now, start);
            let report = report_from_store(&store, &settings, &schedule, &query)?;
            let csv = export::csv::to_string(&report);
            runs.push(ms_since(t));
            rows = report.rows.len() + 1;
            bytes = csv.len();
        }
        let median = summarize(runs.clone()).median;
        // The part of it spent reading the store, for telling the store from the counting.
        let mut scan_runs = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let mut facts = 0_u64;
            store.for_each_fact(start - Duration::days(2), now + Duration::days(2), |_| {
                facts += 1;
            })?;
            scan_runs.push(ms_since(t));
        }
        let scan = summarize(scan_runs).median;
        println!(
            "  {:>9} sign-ins: {median:>8.1} ms median of 3 (runs {}), {rows} CSV rows, {} KiB; \
             of which reading the store (for_each_fact alone) {scan:.1} ms; \
             stored {} more in {fill_s:.1} s",
            thousands(store.total_sign_ins()? as usize),
            runs.iter()
                .map(|r| format!("{r:.1}"))
                .collect::<Vec<_>>()
                .join(" / "),
            bytes / 1024,
            thousands(added),
        );
        out.push((size, median));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// soak

/// Whether the child was ended by our SIGKILL.
#[cfg(unix)]
fn killed_by_us(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn killed_by_us(status: ExitStatus) -> bool {
    !status.success()
}

/// Runs `sign-in --name NAME --at AT` and kills it `delay` after it starts, if it is still
/// running: its exit status, and what it wrote to stdout and stderr.
fn sign_in_killed_after(
    kiosk: &Path,
    data: &Path,
    name: &str,
    at: chrono::DateTime<Utc>,
    delay: StdDuration,
) -> Result<(ExitStatus, String, String)> {
    let mut child = Process::new(kiosk)
        .arg("--data-dir")
        .arg(data)
        .args(["sign-in", "--name", name, "--at", &at.to_rfc3339()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {}", kiosk.display()))?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow!("the child's stdout was not captured"))?;
    let mut stderr = child
        .stderr
        .take()
        .ok_or_else(|| anyhow!("the child's stderr was not captured"))?;
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    std::thread::sleep(delay);
    // Sends SIGKILL on Unix; fails harmlessly if the child has already exited.
    let _ = child.kill();
    let status = child.wait().context("could not wait for a sign-in child")?;
    let out = out_reader
        .join()
        .map_err(|_| anyhow!("the stdout reader thread panicked"))?;
    let err = err_reader
        .join()
        .map_err(|_| anyhow!("the stderr reader thread panicked"))?;
    Ok((status, out, err))
}

fn soak(work: &Path, kills: usize, max_delay_ms: u64) -> Result<()> {
    let kiosk = kiosk_binary();
    let scratch = scratch_dir(work, "soak")?;
    let data = scratch.path().join("data");
    let now = Utc::now();
    // Instants within the last day, 7 s apart: distinct, and far from any retention cut-off.
    let base = now - Duration::hours(22);
    let limit = kills * 20 + 100;
    let mut rng = rand::rng();
    let mut confirmed: Vec<String> = Vec::new();
    let (mut runs, mut kills_done, mut killed_after_confirm) = (0, 0, 0);
    let (mut completed, mut failed) = (0, 0);
    let mut first_failure: Option<String> = None;
    let soak_started = Instant::now();
    while kills_done < kills && runs < limit {
        let name = format!("Soak{runs}");
        let at = base + Duration::seconds(7 * runs as i64);
        runs += 1;
        let delay = StdDuration::from_micros(rng.random_range(0..=max_delay_ms * 1000));
        let (status, out, err) = sign_in_killed_after(&kiosk, &data, &name, at, delay)?;
        let was_confirmed = out.lines().any(|l| l.starts_with("Signed in"));
        if was_confirmed {
            confirmed.push(name);
        }
        if killed_by_us(status) {
            kills_done += 1;
            if was_confirmed {
                killed_after_confirm += 1;
            }
        } else if status.success() {
            completed += 1;
        } else {
            failed += 1;
            if first_failure.is_none() {
                first_failure = Some(err.lines().next().unwrap_or("(no message)").to_string());
            }
        }
    }
    let soak_s = soak_started.elapsed().as_secs_f64();

    let db = data.join("kiosk.db");
    let store = Store::open(&db)
        .with_context(|| format!("after the soak, {} would not open", db.display()))?;
    let stored: HashSet<String> = store
        .names_between(base - Duration::minutes(1), now + Duration::days(1))?
        .into_iter()
        .map(|n| n.name)
        .collect();
    let lost: Vec<&String> = confirmed
        .iter()
        .filter(|name| normalize(name).is_none_or(|n| !stored.contains(&n)))
        .collect();
    let integrity = store.integrity_ok()?;
    let total = store.total_sign_ins()?;
    drop(store);

    println!(
        "soak: {runs} runs of `dropin-kiosk sign-in` in {soak_s:.1} s, each SIGKILLed 0–{max_delay_ms} ms after spawn"
    );
    println!("  kills done (child still running):   {kills_done}");
    println!("    of which after its confirmation:  {killed_after_confirm}");
    println!("  finished before the kill:           {completed}");
    println!("  failed on their own:                {failed}");
    if let Some(line) = &first_failure {
        println!("    first failure: {line}");
    }
    println!(
        "  confirmed (\"Signed in\" line read):  {}",
        confirmed.len()
    );
    println!(
        "  stored: {total} sign-ins ({} committed but killed before confirming)",
        total.saturating_sub(confirmed.len() as u64)
    );
    println!("  lost (confirmed but not stored):    {}", lost.len());
    println!(
        "  integrity_check:                    {}",
        if integrity { "ok" } else { "FAILED" }
    );
    if kills_done < kills {
        println!(
            "  note: stopped after {runs} runs with only {kills_done} of {kills} kills; \
             the command mostly finishes within {max_delay_ms} ms"
        );
    }
    if !lost.is_empty() || !integrity {
        let _kept = scratch.keep();
        let shown: Vec<&str> = lost.iter().take(10).map(|s| s.as_str()).collect();
        println!(
            "  lost names (first 10): {}; data kept in {}",
            shown.join(", "),
            data.display()
        );
        bail!("the soak lost confirmed sign-ins or damaged the database");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// idle

const PHASES: [(&str, &str); 3] = [
    ("in session", "2026-11-25T13:50:00-08:00"),
    ("upcoming", "2026-11-24T10:00:00-08:00"),
    ("wrap-up", "2026-11-25T14:26:00-08:00"),
];

/// Minutes of a week in each kind of screen, on three 60-minute sessions a week, each with
/// 5 minutes of wrap-up and 30 minutes of doors open before it. Seconds show in wrap-up and in
/// the last minute before the start; the rest of doors open, the ended message and the days
/// between show minutes, as upcoming does.
const WEEK_MIN: f64 = 7.0 * 24.0 * 60.0;
const WEEK_IN_SESSION_MIN: f64 = 3.0 * 55.0;
const WEEK_SECONDS_MIN: f64 = 3.0 * (5.0 + 1.0);

/// The week's average share of a core, from the three phases' figures.
fn week_pct(in_session: f64, upcoming: f64, wrap_up: f64) -> f64 {
    let upcoming_min = WEEK_MIN - WEEK_IN_SESSION_MIN - WEEK_SECONDS_MIN;
    (WEEK_IN_SESSION_MIN * in_session + WEEK_SECONDS_MIN * wrap_up + upcoming_min * upcoming)
        / WEEK_MIN
}

const CLOCK_HTML: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>clock</title>
<style>body{margin:0;background:#111;color:#eee;font:bold 120px sans-serif;
display:flex;align-items:center;justify-content:center;height:100vh}</style></head>
<body><div id="t"></div>
<script>
function tick() { document.getElementById("t").textContent = new Date().toLocaleTimeString(); }
tick();
setInterval(tick, 1000);
</script></body></html>
"#;

fn idle_cost_tool() -> PathBuf {
    std::env::var_os("IDLE_COST").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/idle-cost"),
        PathBuf::from,
    )
}

/// How one idle-cost run is set up.
struct IdleRun<'a> {
    tool: &'a Path,
    settle: Option<u32>,
    measure: Option<u32>,
    size: &'a str,
}

/// Runs idle-cost on a command and returns the line it prints.
fn idle_cost(run: &IdleRun<'_>, command: &[&std::ffi::OsStr]) -> Result<String> {
    let mut process = Process::new(run.tool);
    if let Some(s) = run.settle {
        process.arg("-s").arg(s.to_string());
    }
    if let Some(m) = run.measure {
        process.arg("-m").arg(m.to_string());
    }
    let output = process
        .arg("-r")
        .arg(run.size)
        .arg("--")
        .args(command)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("could not run {}", run.tool.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let why = stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        bail!("idle-cost failed ({}): {why}", output.status);
    }
    stdout
        .lines()
        .rfind(|l| l.contains("cpu_pct="))
        .map(str::to_string)
        .ok_or_else(|| anyhow!("idle-cost printed no figures: {}", stdout.trim()))
}

/// The first line of the kiosk's log containing `needle`, from it on.
fn log_line(log: &Path, needle: &str) -> Option<String> {
    let text = std::fs::read_to_string(log).ok()?;
    text.lines()
        .find_map(|l| l.find(needle).map(|i| l[i..].to_string()))
}

/// The number after `key=` in an idle-cost line.
fn figure(line: &str, key: &str) -> Option<f64> {
    line.split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

/// The milliseconds in the log's "first frame drawn N ms after launch".
fn first_frame_ms(line: &str) -> Option<f64> {
    line.split_whitespace().nth(3)?.parse().ok()
}

/// One kiosk run under idle-cost: its idle-cost line and its log's first-frame line.
fn kiosk_idle(
    run: &IdleRun<'_>,
    work: &Path,
    kiosk: &Path,
    instant: &str,
) -> Result<(Result<String>, Option<String>)> {
    let scratch = scratch_dir(work, "idle")?;
    std::fs::write(
        scratch.path().join("settings.toml"),
        config::first_run_text(Some("America/Los_Angeles")),
    )
    .context("could not write settings.toml")?;
    let line = idle_cost(
        run,
        &[
            kiosk.as_os_str(),
            "--data-dir".as_ref(),
            scratch.path().as_os_str(),
            "--pretend-now".as_ref(),
            instant.as_ref(),
        ],
    );
    let log = scratch.path().join("kiosk.log");
    Ok((line, log_line(&log, "first frame drawn")))
}

fn chromium_idle(run: &IdleRun<'_>, work: &Path, chromium: &Path) -> Result<String> {
    let scratch = scratch_dir(work, "chromium")?;
    let page = scratch.path().join("clock.html");
    std::fs::write(&page, CLOCK_HTML).context("could not write clock.html")?;
    let profile = scratch.path().join("profile");
    let profile_arg = format!("--user-data-dir={}", profile.display());
    let url = format!("file://{}", page.display());
    let args: Vec<&std::ffi::OsStr> = vec![
        chromium.as_os_str(),
        "--kiosk".as_ref(),
        "--no-sandbox".as_ref(),
        "--disable-gpu".as_ref(),
        "--disable-quic".as_ref(),
        "--no-first-run".as_ref(),
        "--disable-background-networking".as_ref(),
        "--disable-component-update".as_ref(),
        "--disable-sync".as_ref(),
        profile_arg.as_ref(),
        url.as_ref(),
    ];
    idle_cost(run, &args)
}

/// What one screen size measured: each phase's CPU share, the most memory any phase held,
/// the slowest first frame, and the browser's CPU share.
#[derive(Default, Clone)]
struct SizeFigures {
    size: String,
    /// "before" or "after" when two builds are measured; empty for one.
    build: &'static str,
    cpu: [Option<f64>; 3],
    rss_mib: Option<f64>,
    first_frame_ms: Option<f64>,
    chromium: Option<f64>,
}

fn max_of(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn idle(
    work: &Path,
    settle: Option<u32>,
    measure: Option<u32>,
    sizes: &[String],
    kiosk: Option<PathBuf>,
    before: Option<&Path>,
) -> Result<()> {
    let tool = idle_cost_tool();
    let tool = tool.canonicalize().unwrap_or(tool);
    if !tool.is_file() {
        bail!(
            "{} not found; set IDLE_COST to the idle-cost script",
            tool.display()
        );
    }
    let kiosk = kiosk.unwrap_or_else(kiosk_binary);
    // With an older build, each phase runs it first and this one right after, so a change in
    // the machine's load between phases touches both alike.
    let builds: Vec<(&'static str, &Path)> = match before {
        Some(old) => vec![("before", old), ("after", kiosk.as_path())],
        None => vec![("", kiosk.as_path())],
    };
    let chromium = Path::new("/usr/bin/chromium");
    println!(
        "idle: {} on Xvfb with software GL, settings in America/Los_Angeles",
        tool.display(),
    );
    for (build, path) in &builds {
        println!("  {:<6} {}", build, path.display());
    }
    let mut measured = Vec::new();
    for size in sizes {
        let run = IdleRun {
            tool: &tool,
            settle,
            measure,
            size,
        };
        println!("  {size}:");
        let mut figures: Vec<SizeFigures> = builds
            .iter()
            .map(|(build, _)| SizeFigures {
                size: size.clone(),
                build,
                ..SizeFigures::default()
            })
            .collect();
        for (i, (phase, instant)) in PHASES.iter().enumerate() {
            for ((build, path), figures) in builds.iter().zip(figures.iter_mut()) {
                let (line, frame) = kiosk_idle(&run, work, path, instant)?;
                let label = format!("{phase} {build}");
                match &line {
                    Ok(line) => {
                        println!("    {label:<17} ({instant}): {line}");
                        figures.cpu[i] = figure(line, "cpu_pct");
                        figures.rss_mib = max_of(figures.rss_mib, figure(line, "rss_mib"));
                    }
                    Err(err) => println!("    {label:<17} ({instant}): {err:#}"),
                }
                let frame_ms = frame.as_deref().and_then(first_frame_ms);
                figures.first_frame_ms = max_of(figures.first_frame_ms, frame_ms);
                println!(
                    "    {:<17}   {}",
                    "",
                    frame.unwrap_or_else(|| "no \"first frame drawn\" line in the log".into())
                );
            }
        }
        if chromium.is_file() {
            match chromium_idle(&run, work, chromium) {
                Ok(line) => {
                    println!("    {:<17} (1 Hz HTML clock): {line}", "chromium");
                    let cpu = figure(&line, "cpu_pct");
                    for f in &mut figures {
                        f.chromium = cpu;
                    }
                }
                Err(err) => println!("    {:<17} (1 Hz HTML clock): {err:#}", "chromium"),
            }
        } else {
            println!(
                "    chromium: {} is not installed, so there is no browser comparison",
                chromium.display()
            );
        }
        measured.extend(figures);
    }
    print_idle_table(&measured);
    if before.is_some() {
        print_before_after(&measured);
    }
    Ok(())
}

/// After over before, phase by phase and size by size, from one run.
fn print_before_after(measured: &[SizeFigures]) {
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "n/a".into(),
    };
    println!("  after / before (below 1× is cheaper now):");
    println!(
        "    {:<10} {:>10} {:>9} {:>8} {:>9} {:>12}",
        "size", "in session", "upcoming", "wrap-up", "rss", "first frame"
    );
    for pair in measured.chunks(2) {
        let [old, new] = pair else { continue };
        println!(
            "    {:<10} {:>10} {:>9} {:>8} {:>9} {:>12}",
            new.size,
            ratio(new.cpu[0], old.cpu[0]),
            ratio(new.cpu[1], old.cpu[1]),
            ratio(new.cpu[2], old.cpu[2]),
            ratio(new.rss_mib, old.rss_mib),
            ratio(new.first_frame_ms, old.first_frame_ms),
        );
    }
}

fn print_idle_table(measured: &[SizeFigures]) {
    let pct = |v: Option<f64>| v.map_or("n/a".into(), |v| format!("{v:.3}"));
    let times = |v: Option<f64>| v.map_or("n/a".into(), |v| format!("{v:.1}×"));
    println!(
        "  % of one core; the week is 3 × 60 min sessions (5 min wrap-up each), 30 min doors \
         open before each, the rest upcoming"
    );
    println!(
        "    {:<17} {:>10} {:>9} {:>8} {:>9} {:>8} {:>10} {:>8} {:>9} {:>12}",
        "size",
        "in session",
        "upcoming",
        "wrap-up",
        "chromium",
        "wrap/chr",
        "week",
        "chr/week",
        "rss MiB",
        "first frame"
    );
    for f in measured {
        let [in_session, upcoming, wrap_up] = f.cpu;
        let week = match (in_session, upcoming, wrap_up) {
            (Some(s), Some(u), Some(w)) => Some(week_pct(s, u, w)),
            _ => None,
        };
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => Some(a / b),
            _ => None,
        };
        let size = if f.build.is_empty() {
            f.size.clone()
        } else {
            format!("{} {}", f.size, f.build)
        };
        println!(
            "    {:<17} {:>10} {:>9} {:>8} {:>9} {:>8} {:>10} {:>8} {:>9} {:>12}",
            size,
            pct(in_session),
            pct(upcoming),
            pct(wrap_up),
            pct(f.chromium),
            times(ratio(wrap_up, f.chromium)),
            pct(week),
            times(ratio(f.chromium, week)),
            f.rss_mib.map_or("n/a".into(), |v| format!("{v:.0}")),
            f.first_frame_ms
                .map_or("n/a".into(), |v| format!("{v:.0} ms")),
        );
    }
    println!(
        "    {:<17} {:>10} {:>9} {:>8} {:>9} {:>8} {:>10} {:>8} {:>9} {:>12}",
        "target", "≤ 0.050", "≤ 0.050", "", "", "≤ 1.5×", "", "≥ 20×", "≤ 120", "≤ 150 ms"
    );
    println!(
        "    (wrap/chr at 1280x800 is the one held to 1.5×; rss and first frame: the worst phase)"
    );
}
