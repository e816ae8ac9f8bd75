//! Schema migrations, applied in order and tracked by `PRAGMA user_version`: the version is
//! the number of migrations applied, as `rusqlite_migration` counts it.

use rusqlite_migration::{M, Migrations};

/// Each entry moves the schema from version `i` to `i + 1`. Never edit a shipped entry.
pub const MIGRATIONS: &[M<'static>] = &[
    // 1: sign-ins, cancellations, the staff PIN.
    M::up(
        "
    CREATE TABLE sign_ins (
        id            INTEGER PRIMARY KEY,
        at_ms         INTEGER NOT NULL,
        first_name    TEXT,
        name_key      TEXT,
        named         INTEGER NOT NULL CHECK (named IN (0, 1)),
        is_repeat     INTEGER NOT NULL CHECK (is_repeat IN (0, 1)),
        first_visit   INTEGER NOT NULL DEFAULT 0 CHECK (first_visit IN (0, 1)),
        occ_start_ms  INTEGER,
        occ_end_ms    INTEGER,
        scope         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sign_ins_by_time ON sign_ins (at_ms);
    CREATE INDEX sign_ins_by_scope ON sign_ins (scope, name_key);

    CREATE TABLE cancellations (
        date        TEXT NOT NULL,
        start       TEXT NOT NULL,
        note        TEXT NOT NULL,
        created_ms  INTEGER NOT NULL,
        PRIMARY KEY (date, start)
    ) STRICT;

    CREATE TABLE staff (
        id               INTEGER PRIMARY KEY CHECK (id = 1),
        pin_hash         TEXT,
        failures         INTEGER NOT NULL DEFAULT 0,
        locked_until_ms  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO staff (id) VALUES (1);
    ",
    ),
    // 2: exports read every column counting needs straight from one index, in time order;
    // a million sign-ins count in well under the two seconds staff may wait.
    M::up(
        "
    CREATE INDEX sign_ins_facts
        ON sign_ins (at_ms, occ_start_ms, occ_end_ms, named, is_repeat, first_visit);
    DROP INDEX sign_ins_by_time;
    ",
    ),
    // 3: no schema change. Versions before it erased names by setting them to NULL without
    // secure_delete, so their text can linger in free space; the store rebuilds a database
    // upgraded past this once (see `Store::migrate`).
    M::up(
        "
    SELECT 1;
    ",
    ),
    // 4: topics suggested from the room. No name, no sign-in id and no instant of its own:
    // only the group and the start of the meeting it is for, so nothing ties a suggestion
    // to a person or to a sign-in. Erased with names after the retention period.
    M::up(
        "
    CREATE TABLE suggestions (
        id            INTEGER PRIMARY KEY,
        group_name    TEXT NOT NULL,
        for_start_ms  INTEGER NOT NULL,
        topic_key     TEXT,
        own_words     TEXT,
        CHECK ((topic_key IS NULL) <> (own_words IS NULL))
    ) STRICT;
    CREATE INDEX suggestions_by_meeting ON suggestions (group_name, for_start_ms);
    ",
    ),
    // 5: words someone typed wait for staff before any public screen shows them; a tapped
    // common topic is shown at once. Words already stored wait too: nobody has read them.
    M::up(
        "
    ALTER TABLE suggestions
        ADD COLUMN allowed INTEGER NOT NULL DEFAULT 0 CHECK (allowed IN (0, 1));
    UPDATE suggestions SET allowed = 1 WHERE topic_key IS NOT NULL;
    ",
    ),
    // 6: the staff PIN lives in `staff-pin.toml`; no release ever kept it here, and nothing
    // reads this table any more.
    M::up(
        "
    DROP TABLE staff;
    ",
    ),
    // 7: where a counts copy comes from (SPEC §16). `install` holds a random id made once,
    // when this database is created or upgraded, so an agency's report counts each kiosk
    // once however many of its copies it is given. The `copy_*` tables stay empty in the
    // kiosk's own database: a counts copy fills them with what counting needs without the
    // original machine (its site, zone, first day of records, groups and weekly slots).
    M::up(
        "
    CREATE TABLE install (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        install_id  TEXT NOT NULL
    ) STRICT;
    INSERT INTO install (id, install_id) VALUES (1, lower(hex(randomblob(16))));

    CREATE TABLE copy_of (
        id                INTEGER PRIMARY KEY CHECK (id = 1),
        site              TEXT NOT NULL,
        made_ms           INTEGER NOT NULL,
        first_run_ms      INTEGER NOT NULL,
        time_zone         TEXT NOT NULL,
        early_window_min  INTEGER NOT NULL,
        kiosk_version     TEXT NOT NULL
    ) STRICT;
    CREATE TABLE copy_groups (
        position      INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        room          TEXT NOT NULL,
        course_start  TEXT
    ) STRICT;
    CREATE TABLE copy_slots (
        weekday         TEXT NOT NULL,
        start           TEXT NOT NULL,
        end             TEXT NOT NULL,
        group_position  INTEGER NOT NULL
    ) STRICT;
    ",
    ),
];

/// The list as `rusqlite_migration` runs it.
pub const fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn the_migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn migrations_apply_in_order_on_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        for version in 1..=MIGRATIONS.len() {
            migrations()
                .to_version(&mut conn, version)
                .unwrap_or_else(|e| panic!("migration {version} failed: {e}"));
            let reached: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(reached, version as i64);
        }
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 7);
    }
}
