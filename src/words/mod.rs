//! Every sentence a person reads: the timer's words, calendar words and (in `ui::text`) the
//! screens' words, each in English and Spanish. The domain returns values; this says them.

pub mod calendar;
pub mod cue;
pub mod groups;
pub mod health;
pub mod report;
pub mod script;
pub mod timer;
