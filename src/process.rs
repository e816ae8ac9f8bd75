//! What the process lets out of itself: its memory holds first names (SPEC §10), so no core
//! file, and no other process of the same user reading that memory.

/// From now on a crash leaves no core file: its soft and hard limit are 0, so nothing started
/// from here can raise it again. On Linux the process is also made not dumpable: no core
/// through systemd-coredump either, and another process of the same user can neither attach
/// a debugger nor read `/proc/<pid>/mem`. If the kernel refuses, one line on stderr says so
/// and the kiosk runs anyway.
#[cfg(unix)]
pub fn keep_out_of_crash_dumps() {
    use rustix::process::{Resource, Rlimit};
    let none = Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    if let Err(e) = rustix::process::setrlimit(Resource::Core, none) {
        eprintln!("dropin-kiosk: warning: could not turn off core files: {e}");
    }
    #[cfg(target_os = "linux")]
    if let Err(e) =
        rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
    {
        eprintln!("dropin-kiosk: warning: could not keep this process out of crash dumps: {e}");
    }
}
