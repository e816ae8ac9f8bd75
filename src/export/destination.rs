//! Where an export can go: each mounted removable drive, which staff pick by its label, or
//! the data folder's `exports/`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// Mount points under `/media` or `/run/media`, read from `/proc/mounts` text, in order.
pub fn removable_mounts(proc_mounts: &str) -> Vec<PathBuf> {
    proc_mounts
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1))
        .map(|raw| raw.replace("\\040", " ").replace("\\011", "\t"))
        .filter(|p| p.starts_with("/media/") || p.starts_with("/run/media/"))
        .map(PathBuf::from)
        .collect()
}

/// The name staff know a drive by: the last part of its mount point, e.g. `USB STICK`.
pub fn label(drive: &Path) -> String {
    drive.file_name().map_or_else(
        || drive.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The removable drives mounted on this machine now.
pub fn mounted_drives() -> Vec<PathBuf> {
    std::fs::read_to_string("/proc/mounts")
        .map(|text| removable_mounts(&text))
        .unwrap_or_default()
}

pub fn file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("attendance-{from}-to-{to}.csv")
}

/// The monthly summary's file name, told apart from the per-session one.
pub fn monthly_file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("attendance-by-month-{from}-to-{to}.csv")
}

/// The name of a backup with no names ("Copy counts to USB") made on `date`.
pub fn counts_file_name(date: NaiveDate) -> String {
    format!("dropin-kiosk-counts-{date}.db")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usb_drives_are_found_under_media_and_run_media() {
        let mounts = "/dev/vda / ext4 rw 0 0\n\
                      /dev/sdb1 /media/staff/USB\\040STICK vfat rw 0 0\n\
                      /dev/sdc1 /run/media/kiosk/KEY vfat rw 0 0\n\
                      proc /proc proc rw 0 0\n";
        assert_eq!(
            removable_mounts(mounts),
            vec![
                PathBuf::from("/media/staff/USB STICK"),
                PathBuf::from("/run/media/kiosk/KEY")
            ]
        );
    }

    #[test]
    fn a_drive_is_known_by_the_last_part_of_its_mount_point() {
        assert_eq!(label(Path::new("/media/staff/USB STICK")), "USB STICK");
        assert_eq!(label(Path::new("/run/media/kiosk/KEY")), "KEY");
        assert_eq!(label(Path::new("/")), "/");
    }
}
