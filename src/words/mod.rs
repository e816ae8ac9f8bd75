//! Sentences built from values: the timer's words, the schedule, course meetings, the health
//! check, settings problems, errors, the command line's answers and filled scripts. The words
//! themselves are Fluent messages (`crate::locale`); the domain returns values, this says them.

pub mod calendar;
pub mod errors;
pub mod groups;
pub mod health;
pub mod script;
pub mod settings;
pub mod timer;
