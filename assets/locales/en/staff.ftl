# The words of the staff area.

## Staff area and PIN
staff-pin-enter = Staff PIN
staff-pin-choose = Choose a staff PIN
staff-pin-choose-hint = 4 to 8 digits. There is no built-in PIN; keep this one safe.
staff-pin-again = Type the same PIN again
staff-pin-wrong = That PIN didn't match. Please try again.
staff-pin-locked = Too many tries. Please try again in { $time }.
staff-pin-shape = Please use 4 to 8 digits.
staff-pin-too-easy = That PIN would be easy to guess. Please choose a less obvious one.
staff-pin-different = The two PINs were different. Please choose again.
staff-pin-cannot-check = The PIN can't be checked right now: { $why }
staff-pin-wait-seconds = { $n } s
staff-pin-wait-minutes = { $n } min
staff-pin-digits-typed = { $n ->
        [one] { $n } digit typed
       *[other] { $n } digits typed
    }
staff-ok = OK
staff-section-attendance = Attendance
staff-section-export = Export
staff-section-schedule = Schedule
staff-section-script = Script
staff-section-settings = Settings
staff-section-names = Today's names
staff-section-quit = Quit kiosk
staff-lock = Lock
staff-last-four-weeks = Last 4 weeks
staff-this-month = This month
staff-last-month = Last month
staff-this-year = This year
staff-from = From
staff-to = To
staff-show = Show
staff-column-date = Date
staff-column-time = Time
staff-column-status = Status
staff-column-sign-ins = Sign-ins
staff-column-named = Named
staff-column-no-name = No name
staff-column-first-visits = First visits
staff-column-before-start = Before start
staff-column-after-start = After start
staff-held = held
staff-cancelled = cancelled
staff-outside-hours = Visits outside group hours: { $n } · days: { $days }
staff-totals = Sessions held: { $held } · Cancelled: { $cancelled } · Visits: { $visits } · Mean per session: { $mean }
staff-no-sessions = No sessions in these dates.
staff-save-csv-to = Save the CSV file to:
staff-save-on-tablet = This tablet (exports folder)
staff-save-on-tablet-instead = Save to this tablet instead
staff-this-tablet = this tablet
staff-qr-whole = Scan with a phone to take the whole CSV.
staff-qr-summary = The CSV is too long for one code; this one holds the totals.
# What a screen reader says for the QR code.
staff-qr-label = QR code of the export
staff-export-where = Each USB drive plugged in shows here by name.
staff-copy-counts-title = Copy counts to USB
staff-copy-counts-to = Copy counts to { $drive }
staff-copy-counts-no-drive = Plug in a USB drive to copy the counts to it.
staff-counts-copied = The counts (no names) were copied to { $path }
staff-counts-copy-failed = The counts were not copied to { $drive }: { $why }.
staff-health-title = Health check
staff-weekly-times = Weekly group times
staff-add-slot = Add a group time
staff-remove = Remove
staff-time-zone = Time zone
staff-search-zone = Search time zones
staff-save-schedule = Save schedule
staff-upcoming-sessions = Next four weeks
staff-public-note = Note for Home
staff-cancel-session = Cancel this group
staff-restore-session = Restore
staff-script-set = Script set
staff-editing-language = Language of the words
staff-preview = Preview, as the facilitator sees it
staff-save-script = Save words
staff-group-name = Group name
staff-room = Room
staff-default-language = Default language
staff-default-text-size = Text size for each new person
staff-text-size-normal = Normal
staff-text-size-large = Large
staff-text-size-largest = Largest
staff-early-window = Doors open (minutes before)
staff-wrap-up = Wrap-up (last minutes)
staff-ended = "Ended" shows for (minutes)
staff-retention = Keep first names for (days)
staff-damaged-copy-kept = A damaged copy of the attendance database is kept until { $date }, then deleted.
staff-save-settings = Save settings
staff-change-pin = Change PIN
staff-names-today = First names signed in today (staff only)
staff-names-none = No first names today.
staff-quit-explain = This closes the kiosk. Participants will not be able to sign in until it is started again.
staff-quit-now = Quit the kiosk now
staff-pin-saved = The new PIN is saved.
staff-settings-saved = Settings saved.
staff-script-saved = The script is saved.
staff-script-chosen = The facilitator script is now "{ $name }".
staff-session-cancelled = The group on { $when } is cancelled. Home shows the note.
staff-session-restored = The group on { $when } is back on.
staff-schedule-saved = Saved. Home now shows: { $summary }
staff-exported = Saved to { $path }
staff-export-failed = The CSV file was not saved to { $place }: { $why }.
staff-dates-swapped = The first date is after the last one; please swap them.
staff-date-shape = Please write dates like 2026-11-25.
staff-no-database = There is nothing to export: the attendance database is not open.
staff-slot-times = The { $day } times must look like 13:30.
staff-slot-ends-before = The { $day } group ends at { $end } which is not after its start at { $start }.
staff-slot-overlaps = The { $day } group at { $start } overlaps the { $day } group at { $other }.
staff-unknown-zone = "{ $zone }" is not a time zone; pick one from the list.
staff-out-of-range = { $field } must be a whole number from { $min } to { $max }.
staff-field-early-window = The early window
staff-field-wrap-up = The wrap-up time
staff-field-ended = The "ended" time
staff-field-retention = Days to keep names
staff-failure-counts = The counts could not be read
staff-failure-cancel = The cancellation was not saved
staff-failure-restore = It was not restored
staff-failure-script = The script was not saved
staff-failure-settings = Nothing was saved
# $what is one of the staff-failure- messages above; $why is the technical cause.
staff-failed = { $what }: { $why }.
# A setting staff typed that the settings' rules refuse; $problem is a settings- message.
staff-settings-invalid = { $key }: { $problem }.


## The attendance database, for staff
store-not-saving = Sign-ins are not being saved: { $why }.
store-damaged-not-moved = The attendance database is damaged and could not be moved aside ({ $why }); sign-ins are not being saved.
store-reset = The attendance database was damaged, and a fresh one was started.
store-recovered = { $n ->
        [one] { $n } sign-in was recovered from it, without a name.
       *[other] { $n } sign-ins were recovered from it, without names.
    }
store-copy-names-free = A copy of them, with no names, is kept as { $path }.
store-copy-deleted = Nothing else could be read from the damaged file, so it was deleted.
store-copy-unchanged = The damaged file is kept as { $path } until its names can be erased.
store-recovered-nothing = Nothing could be recovered from it ({ $why }); it is kept as { $path } until its names can be erased.
store-fresh-not-opened = The fresh one could not be opened either: { $why }. The damaged file is kept as { $path }.
store-sign-in-not-saved = The last sign-in was not saved: { $why }.
store-suggestion-not-saved = The last suggested topic was not saved: { $why }.

## The facilitator's cue and the QR code's own view

chime-title = Chime for the facilitator:
chime-off = No sound
chime-wrap-up = At wrap-up
chime-wrap-up-and-end = At wrap-up and the end
chime-volume = Chime volume (0–100)
chime-play = Play the chime
qr-show = Show the QR code
qr-back-to-export = Back to export
health-sound = sound for the chime
health-sound-plays = ok (a sound device plays it)
health-sound-not-tried = ok (not needed yet; run `dropin-kiosk chime` to hear it)
health-sound-none-chime-off = ok (no sound device, and the chime is off: { $why })
health-sound-none = no sound device, so the chime stays quiet; connect a speaker, or set chime = "off" ({ $why })

## Counts across rooms

report-site = This site: { $site }
report-copy-counts-explain = Every count, with no names: the file the coordinator's report reads. It is also a backup to keep somewhere safe.
