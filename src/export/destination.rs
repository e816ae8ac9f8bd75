//! Where an export goes: a mounted removable drive when there is one, else `exports/`.

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

/// The folder to write to: the first removable drive, else the data folder's `exports/`.
pub fn choose_folder(removable: &[PathBuf], exports_dir: &Path) -> PathBuf {
    removable
        .iter()
        .find(|p| p.is_dir())
        .cloned()
        .unwrap_or_else(|| exports_dir.to_path_buf())
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
    fn without_a_drive_the_export_goes_to_the_exports_folder() {
        let exports = Path::new("/data/exports");
        assert_eq!(choose_folder(&[], exports), exports);
        let gone = [PathBuf::from("/media/nobody/unplugged")];
        assert_eq!(choose_folder(&gone, exports), exports);
    }
}
