//! Builds the binary again when a language file changes: `assets/locales/` is built into it
//! (`include_dir!` cannot tell cargo which files it read).

fn main() {
    println!("cargo:rerun-if-changed=assets/locales");
}
