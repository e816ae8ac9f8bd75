//! Pure domain logic: schedule, timer phases, names and counting. No clock reads, no egui, no SQL.

pub mod counts;
pub mod course;
pub mod cue;
pub mod lang;
pub mod monthly;
pub mod names;
pub mod schedule;
pub mod script;
pub mod settle;
pub mod suggestions;
pub mod text_size;
pub mod timer;
pub mod visit;
