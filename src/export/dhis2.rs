//! DHIS2's `dataValueSets` CSV (SPEC §16): one row per site, period and mapped figure, for
//! `POST /api/dataValueSets`, and the small TOML map that names DHIS2's ids. The kiosk never
//! sends it anywhere; whoever runs `report` imports the file.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::csv::in_memory;
use crate::domain::monthly::MonthCounts;
use crate::report::sites::Period;

pub const HEADER: [&str; 11] = [
    "dataelement",
    "period",
    "orgunit",
    "categoryoptioncombo",
    "attributeoptioncombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
    "deleted",
];

/// DHIS2's built-in "default" category option combo, used when the map names none.
pub const DEFAULT_COMBO: &str = "HllvX50cXC0";

/// The figures a map may send, in the order rows are written.
pub const FIGURES: [&str; 5] = [
    "sessions_held",
    "sessions_cancelled",
    "visits",
    "first_visits",
    "outside_hours_visits",
];

/// The map file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    category_option_combo: Option<String>,
    attribute_option_combo: Option<String>,
    #[serde(default)]
    data_elements: RawElements,
    #[serde(default)]
    org_units: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElements {
    sessions_held: Option<String>,
    sessions_cancelled: Option<String>,
    visits: Option<String>,
    first_visits: Option<String>,
    outside_hours_visits: Option<String>,
}

/// DHIS2's ids for the figures and the sites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map {
    /// (figure, data element id), in [`FIGURES`] order; figures left out are not written.
    pub data_elements: Vec<(&'static str, String)>,
    /// Site name -> org unit id.
    pub org_units: BTreeMap<String, String>,
    pub category_option_combo: String,
    pub attribute_option_combo: String,
}

/// Why a map cannot be used, said in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    Syntax { line: usize, message: String },
    NoFigures,
    NoOrgUnit(String),
}

/// Reads a map file's text.
pub fn parse_map(text: &str) -> Result<Map, MapError> {
    let raw: RawMap = toml::from_str(text).map_err(|e| MapError::Syntax {
        line: e
            .span()
            .and_then(|span| text.get(..span.start))
            .map_or(1, |before| before.matches('\n').count() + 1),
        message: e.message().trim().to_string(),
    })?;
    let e = raw.data_elements;
    let data_elements: Vec<(&'static str, String)> = FIGURES
        .into_iter()
        .zip([
            e.sessions_held,
            e.sessions_cancelled,
            e.visits,
            e.first_visits,
            e.outside_hours_visits,
        ])
        .filter_map(|(figure, id)| {
            id.map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty())
                .map(|id| (figure, id))
        })
        .collect();
    if data_elements.is_empty() {
        return Err(MapError::NoFigures);
    }
    let combo = |id: Option<String>| {
        id.map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| DEFAULT_COMBO.to_string())
    };
    Ok(Map {
        data_elements,
        org_units: raw
            .org_units
            .into_iter()
            .map(|(site, id)| (site.trim().to_string(), id.trim().to_string()))
            .collect(),
        category_option_combo: combo(raw.category_option_combo),
        attribute_option_combo: combo(raw.attribute_option_combo),
    })
}

impl Map {
    /// The org unit of every site in `sites`, or the first site the map leaves out.
    pub fn check_sites<'a>(
        &self,
        sites: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), MapError> {
        for site in sites {
            if !self.org_units.contains_key(site) {
                return Err(MapError::NoOrgUnit(site.to_string()));
            }
        }
        Ok(())
    }
}

/// DHIS2's period id: `202611` for a month, `2026Q4` for a quarter.
pub fn period_id(period: Period, start: NaiveDate) -> String {
    match period {
        Period::Month => start.format("%Y%m").to_string(),
        Period::Quarter => format!("{}Q{}", start.year(), start.month0() / 3 + 1),
    }
}

fn value(c: &MonthCounts, figure: &str) -> u64 {
    match figure {
        "sessions_held" => c.sessions_held,
        "sessions_cancelled" => c.sessions_cancelled,
        "visits" => c.visits,
        "first_visits" => c.first_visits,
        _ => c.outside_hours_visits,
    }
}

/// Writes one row per site, period and mapped figure. Every site must have an org unit
/// (see [`Map::check_sites`]); a site without one is left out.
pub fn write(
    map: &Map,
    period: Period,
    sums: &[(String, NaiveDate, MonthCounts)],
    out: impl Write,
) -> Result<(), ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for (site, start, counts) in sums {
        let Some(org_unit) = map.org_units.get(site) else {
            continue;
        };
        let period = period_id(period, *start);
        for (figure, element) in &map.data_elements {
            w.write_record([
                element.as_str(),
                &period,
                org_unit,
                &map.category_option_combo,
                &map.attribute_option_combo,
                &value(counts, figure).to_string(),
                "",
                "",
                "",
                "",
                "",
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// [`write`] as a string.
pub fn to_string(map: &Map, period: Period, sums: &[(String, NaiveDate, MonthCounts)]) -> String {
    in_memory(|buf| write(map, period, sums, buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "[data_elements]\nsessions_held = \"deHeld0001\"\nvisits = \"deVisits01\"\n\
                       [org_units]\nNorth = \"ouNorth001\"\n";

    #[test]
    fn rows_follow_dhis2s_header_with_the_default_combo_and_its_period_ids() {
        let map = parse_map(MAP).unwrap();
        let counts = MonthCounts {
            sessions_held: 13,
            visits: 41,
            ..MonthCounts::default()
        };
        let nov = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let sums = vec![
            ("North".to_string(), nov, counts),
            ("South".to_string(), nov, counts),
        ];
        let text = to_string(&map, Period::Month, &sums);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            vec![
                "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted",
                "deHeld0001,202611,ouNorth001,HllvX50cXC0,HllvX50cXC0,13,,,,,",
                "deVisits01,202611,ouNorth001,HllvX50cXC0,HllvX50cXC0,41,,,,,",
            ]
        );
        assert_eq!(period_id(Period::Quarter, nov), "2026Q4");
        assert_eq!(
            map.check_sites(["North", "South"]).unwrap_err().to_string(),
            "the file gives no org unit for the site \"South\"; add \"South\" = \"…\" under [org_units]"
        );
    }

    #[test]
    fn a_map_names_its_own_combos_and_refuses_what_it_does_not_know() {
        let own = format!(
            "category_option_combo = \"cocAdults01\"\nattribute_option_combo = \"aocFunder01\"\n{MAP}"
        );
        let map = parse_map(&own).unwrap();
        assert_eq!(map.category_option_combo, "cocAdults01");
        assert_eq!(map.attribute_option_combo, "aocFunder01");
        let err = parse_map("[data_elements]\nvisitors = \"x\"\n").unwrap_err();
        assert!(
            matches!(&err, MapError::Syntax { line: 2, message } if message.contains("visitors")),
            "{err}"
        );
        assert_eq!(
            parse_map("[org_units]\nNorth = \"ou\"\n").unwrap_err(),
            MapError::NoFigures
        );
    }
}
