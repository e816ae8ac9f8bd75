# What the command line prints, and errors that reach a person: at the terminal in the
# settings' language; kiosk.log keeps them in English. $why is a technical cause (often the
# operating system's words); $path a file or folder. Keep commands, options and file keys
# (set-pin, --map, [org_units]) as they are.

## Answers
cli-occurrence = { $day } { $date } at { $time }
cli-cancelled = Cancelled the group on { $when }.
cli-restored = Restored the group on { $when }.
cli-not-cancelled = The group on { $when } was not cancelled.
cli-anonymous = an anonymous visitor
cli-in-group = the { $start } group
cli-outside-hours = outside group hours
# $group is cli-in-group or cli-outside-hours; $repeat is yes when this person had already
# signed in to this group.
cli-signed-in = Signed in { $who } at { $time }, { $group }{ $repeat ->
        [yes] {" "}(already signed in to this group, so counted once).
       *[no] .
    }
cli-wrote-rows = Wrote { $rows } { $rows ->
        [one] row
       *[other] rows
    } to { $path }.
cli-backup-written = Wrote a backup of { $sign-ins } { $sign-ins ->
        [one] sign-in
       *[other] sign-ins
    } ({ $names ->
        [yes] with first names
       *[no] counts only, no names
    }) to { $path }.
cli-backup-keep-private = It holds the first names of the last { $days } days, and nothing will erase them: keep it private, and delete it when it is no longer needed.
cli-restored-file = Restored { $path }: { $sign-ins } { $sign-ins ->
        [one] sign-in
       *[other] sign-ins
    }.
cli-replaced-kept-until = Until { $date } (the retention period), the database it replaced is kept as { $path }.
cli-pin-set = The staff PIN is set in { $path }.
cli-chime-played = Played the chime at volume { $volume } on the default sound device.
cli-practice-run = practice run on a temporary folder ({ $path }), deleted afterwards; the real data folder is not touched
cli-warning = warning: { $why }
cli-names-not-erased = old first names could not be erased yet: { $why }
# $sites lists cli-site-made-on for each copy made before $date.
cli-counts-cut-short = note: counts stop where each copy was made, before { $date }: { $sites }
cli-site-made-on = { $site } on { $date }

## Questions (a space follows each)
cli-pin-ask = New staff PIN (4 to 8 digits):
cli-pin-ask-again = The same PIN again:
cli-name-ask = First name (Enter alone for no name):

## What a command refuses, and why
cli-future-sign-in = { $time } is in the future; a sign-in can only be entered for a time that has passed
cli-no-such-group = there is no group called "{ $name }"; the groups are { $groups }
cli-no-group-on = there is no group on { $day } { $date }; the schedule is { $schedule }
cli-no-group-starts = no group starts at { $time } on { $day } { $date }
cli-checks-failed = { $failing } of { $total } checks need attention
cli-input-unreadable = could not read { $what ->
        [pin] the PIN
       *[name] the first name
    }: { $why }
cli-pin-two-lines = set-pin needs two lines on standard input: the PIN, then the same PIN again
cli-pin-not-four-to-eight = a staff PIN is 4 to 8 digits; nothing was changed
cli-pin-too-easy = that PIN would be easy to guess (one digit repeated, or a run like 1234); please choose a less obvious one
cli-pin-different = the two PINs were different; nothing was changed
cli-name-input-empty = sign-in --name - reads the first name from standard input, and it was empty; leave --name out for a sign-in with no name
cli-name-input-lines = standard input held more than one line; sign-in records one person, so run it once for each name (nothing was recorded)
cli-export-not-written = could not write the export: { $why }
cli-nothing-changed = { $why }; nothing was changed
cli-the-backup = the backup
cli-backup-refused = { $why }; nothing was written
cli-restore-while-running = a kiosk is running on { $path }; stop it first (sudo systemctl stop dropin-kiosk), then restore; nothing was changed
cli-restore-not-moved-aside = the current database could not be moved aside ({ $why }); nothing was restored
cli-restore-not-replaced = { $why }; the database it replaced is kept as { $path }
cli-map-needed = --format dhis2 needs --map FILE, the TOML file naming DHIS2's ids (see the README)
cli-map-not-wanted = --map is for --format dhis2; leave it out for a plain CSV
cli-map-unreadable = could not read the map { $path } ({ $why })
cli-the-map = the map { $path }
cli-dhis2-period-needed = DHIS2 takes counts per month or quarter; use --by month or --by quarter
cli-dhis2-whole-periods = { $period ->
        [quarter] DHIS2 takes whole quarters: start --from on the first day of one and end --to on the last day of one, e.g. --from 2026-07-01 --to 2026-12-31
       *[month] DHIS2 takes whole months: start --from on the first day of one and end --to on the last day of one, e.g. --from 2026-10-01 --to 2026-11-30
    }

## Errors from deeper down; $file is a file's name or "the backup", "the map …"
error-the-file = the file
error-file-unreadable = could not read { $path } ({ $why })
error-store-open = the attendance database at { $path } could not be opened: { $why }
error-store-corrupt = the attendance database at { $path } is damaged or is not a database
error-store-read-only = the attendance database is read-only, so nothing new can be saved
error-store-too-new = the attendance database was made by a newer version of dropin-kiosk (version { $version })
error-store-outdated = the attendance database is from an older version and cannot be upgraded while read-only
error-store-busy = the attendance database stayed busy for too long; please try again
error-store-failed = the attendance database failed: { $why }
error-course-no-topics = it has no [[topic]] with a title
error-no-home = no home folder was found to keep data in; pass --data-dir DIR
error-data-folder-create = could not create the data folder { $path }: { $why }
error-already-running = another dropin-kiosk is already running on { $path }
error-lock = could not lock the data folder { $path }: { $why }
error-pin-unreadable = the staff PIN file { $path } could not be read ({ $why }); set the PIN again with `dropin-kiosk set-pin`
error-pin-damaged = the staff PIN file { $path } is damaged; set the PIN again with `dropin-kiosk set-pin`
error-pin-not-prepared = the PIN could not be saved: { $why }
error-not-written = could not write { $path }: { $why }
error-no-free-name = could not write { $path }: that name and the next { $others } are already taken
error-not-private = could not make { $path } private to the kiosk: { $why }
error-no-sound-device = no sound device to play the chime on ({ $why })
error-no-window = could not open the kiosk window: { $why }
error-dates-swapped = the start date { $from } is after the end date { $to }; swap them
backup-not-a-database = { $file } is not a dropin-kiosk backup (it is not an SQLite database)
backup-damaged = { $file } is damaged (SQLite's integrity check found problems)
backup-foreign = { $file } is an SQLite database, but not one of dropin-kiosk's
backup-too-new = { $file } was made by a newer version of dropin-kiosk (schema version { $version })
copy-not-a-copy = { $file } is not a counts copy (use "Copy counts to USB" in the staff area, or `dropin-kiosk backup`)
copy-has-names = { $file } holds first names; only a names-free counts copy may be combined ("Copy counts to USB", or `backup` without --with-names)
copy-too-new = { $file } was made by a newer version of dropin-kiosk (schema version { $version }); update this one to read it
map-syntax = { $file } has a problem at line { $line }: { $why }
map-no-figures = { $file } names no data element; add one under [data_elements], e.g. visits = "…"
map-no-org-unit = { $file } gives no org unit for the site "{ $site }"; add "{ $site }" = "…" under [org_units]
