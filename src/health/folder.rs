//! The checks that look at the disk: free space, and a data folder private to one user.

use std::path::Path;

use super::{Finding, LOW_DISK_MIB};

#[cfg(unix)]
pub(super) fn disk_finding(root: &Path) -> Finding {
    match rustix::fs::statvfs(root) {
        Ok(stat) => {
            let mib = stat.f_bavail.saturating_mul(stat.f_frsize) / (1024 * 1024);
            if mib < LOW_DISK_MIB {
                Finding::DiskLow { mib }
            } else {
                Finding::DiskFree { mib }
            }
        }
        Err(e) => Finding::DiskUnknown(std::io::Error::from(e).to_string()),
    }
}

#[cfg(not(unix))]
pub(super) fn disk_finding(_root: &Path) -> Finding {
    Finding::DiskUnknown("not measured on this system".to_string())
}

/// Folders nested deeper than this inside the data folder are not looked into.
#[cfg(unix)]
const DEEPEST: usize = 16;

/// The data folder and everything in it: private to its owner (no group or other
/// permission), owned by that one user, and checked by that user.
#[cfg(unix)]
pub(super) fn folder_finding(root: &Path) -> Finding {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::symlink_metadata(root) {
        Ok(meta) if meta.is_dir() => meta,
        _ => return Finding::FolderMissing,
    };
    let owner = meta.uid();
    if rustix::process::geteuid().as_raw() != owner {
        return Finding::RunAsOwner {
            owner: user_name(owner),
        };
    }
    let mut folders = vec![(root.to_path_buf(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&folder) else {
            continue;
        };
        if let Some(problem) = not_private(&folder, &meta, owner) {
            return problem;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Finding::NotPrivate(folder);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth < DEEPEST {
                    folders.push((path, depth + 1));
                }
            } else if meta.is_file()
                && let Some(problem) = not_private(&path, &meta, owner)
            {
                return problem;
            }
        }
    }
    Finding::FolderPrivate
}

#[cfg(unix)]
fn not_private(path: &Path, meta: &std::fs::Metadata, owner: u32) -> Option<Finding> {
    use std::os::unix::fs::MetadataExt;
    if meta.uid() != owner {
        Some(Finding::OwnedByOther {
            path: path.to_path_buf(),
            owner: user_name(owner),
        })
    } else if meta.mode() & 0o077 != 0 {
        Some(Finding::NotPrivate(path.to_path_buf()))
    } else {
        None
    }
}

#[cfg(not(unix))]
pub(super) fn folder_finding(root: &Path) -> Finding {
    if root.is_dir() {
        Finding::FolderPrivate
    } else {
        Finding::FolderMissing
    }
}

/// The login name of `uid`, else the number (which `chown` also takes).
#[cfg(unix)]
fn user_name(uid: u32) -> String {
    uzers::get_user_by_uid(uid).map_or_else(
        || uid.to_string(),
        |user| user.name().to_string_lossy().into_owned(),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::user_name;

    #[test]
    fn an_owner_is_named_by_login_name_or_else_by_number() {
        assert_eq!(user_name(0), "root");
        assert_eq!(user_name(3_999_999_999), "3999999999");
    }
}
