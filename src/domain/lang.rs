//! The two languages of the kiosk and the calendar words each one needs.

use chrono::{NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's own name, as shown on the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn weekday_long(self, day: Weekday) -> &'static str {
        let i = day.num_days_from_monday() as usize;
        match self {
            Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ][i],
            Lang::Es => [
                "lunes",
                "martes",
                "miércoles",
                "jueves",
                "viernes",
                "sábado",
                "domingo",
            ][i],
        }
    }

    pub fn weekday_short(self, day: Weekday) -> &'static str {
        let i = day.num_days_from_monday() as usize;
        match self {
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
            Lang::Es => ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"][i],
        }
    }

    /// "1:30 PM" in English, "13:30" in Spanish.
    pub fn time(self, t: NaiveTime) -> String {
        match self {
            Lang::En => {
                let (pm, h12) = t.hour12();
                format!("{h12}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
            }
            Lang::Es => format!("{}:{:02}", t.hour(), t.minute()),
        }
    }

    /// "1:30–2:30 PM" (one AM/PM mark when both share it), "13:30–14:30".
    pub fn time_range(self, start: NaiveTime, end: NaiveTime) -> String {
        match self {
            Lang::En if start.hour12().0 == end.hour12().0 => {
                let h12 = start.hour12().1;
                format!("{h12}:{:02}–{}", start.minute(), self.time(end))
            }
            _ => format!("{}–{}", self.time(start), self.time(end)),
        }
    }

    /// "Monday, Wednesday and Friday" / "lunes, miércoles y viernes".
    pub fn join_list(self, items: &[&str]) -> String {
        let and = match self {
            Lang::En => "and",
            Lang::Es => "y",
        };
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn english_times_share_one_pm_mark() {
        assert_eq!(Lang::En.time_range(t(13, 30), t(14, 30)), "1:30–2:30 PM");
        assert_eq!(
            Lang::En.time_range(t(11, 30), t(12, 30)),
            "11:30 AM–12:30 PM"
        );
        assert_eq!(Lang::En.time(t(0, 5)), "12:05 AM");
    }

    #[test]
    fn spanish_times_use_the_24_hour_clock() {
        assert_eq!(Lang::Es.time_range(t(13, 30), t(14, 30)), "13:30–14:30");
    }

    #[test]
    fn lists_join_with_the_local_and() {
        assert_eq!(
            Lang::En.join_list(&["Monday", "Wednesday", "Friday"]),
            "Monday, Wednesday and Friday"
        );
        assert_eq!(Lang::Es.join_list(&["lunes", "viernes"]), "lunes y viernes");
    }
}
