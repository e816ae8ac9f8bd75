//! Several groups in one room: the `[[group]]` tables as written, the checked groups, and
//! how settings speak of them (a file without groups is one group, kept in that shape).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Settings;

/// A `[[group]]` table as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub name: Spanned<String>,
    /// Its script set; the top-level `script` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<Spanned<String>>,
    /// Its room; the top-level `room` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// With `topics`, makes the group a course: meetings are numbered from this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_start: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Spanned<Topics>>,
}

/// A course's topics: the name of a course file (`courses/NAME.toml`, or one shipped with
/// the kiosk), or the titles themselves, one per meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Topics {
    Set(String),
    List(Vec<String>),
}

/// One group that meets in the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub script: String,
    /// Its own room, if it has one; otherwise the settings' `room`.
    pub room: Option<String>,
    pub course: Option<CourseSetting>,
}

/// A course group's start date and topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseSetting {
    pub start: NaiveDate,
    pub topics: Topics,
}

impl Settings {
    /// True when the settings hold the one group a file without `[[group]]` describes, so
    /// they are saved in that same shape.
    pub fn is_one_plain_group(&self) -> bool {
        match self.groups.as_slice() {
            [g] => {
                g.name == self.group_name
                    && g.script == self.script
                    && g.room.is_none()
                    && g.course.is_none()
            }
            _ => false,
        }
    }

    /// The group at `index`, or the first one.
    pub fn group(&self, index: usize) -> Option<&Group> {
        self.groups.get(index)
    }

    /// The index of the group called `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.name == name)
    }

    /// Where `group` meets: its own room, else the settings' room.
    pub fn room_of<'a>(&'a self, group: &'a Group) -> &'a str {
        group.room.as_deref().unwrap_or(&self.room)
    }

    /// The groups' names, in order, for reports.
    pub fn group_names(&self) -> Vec<String> {
        self.groups.iter().map(|g| g.name.clone()).collect()
    }

    /// Changes the top-level group name and room (the staff Settings section); a kiosk with
    /// one plain group renames that group with it.
    pub fn set_name_and_room(&mut self, name: &str, room: &str) {
        let plain = self.is_one_plain_group();
        self.group_name = name.trim().to_string();
        self.room = room.trim().to_string();
        if plain && let Some(g) = self.groups.first_mut() {
            g.name.clone_from(&self.group_name);
        }
    }

    /// Changes the top-level script set; a kiosk with one plain group uses it at once.
    pub fn set_script(&mut self, name: &str) {
        let plain = self.is_one_plain_group();
        self.script = name.to_string();
        if plain && let Some(g) = self.groups.first_mut() {
            g.script = name.to_string();
        }
    }
}
