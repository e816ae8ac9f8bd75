# The health check: one line per check, "name: finding", as `doctor` prints it and the staff
# area shows it. Commands and paths ($root, $path) stay as they are.

health-line = { $check }: { $finding }

health-check-folder = data folder
health-check-database = database
health-check-settings = settings
health-check-pin = staff PIN
health-check-backup = last backup
health-check-disk = free disk space
health-check-time-zone = time zone
health-check-lock = running kiosk
health-check-languages = languages
health-check-leftovers = leftover files

health-ok = ok
health-folder-private = ok (private to the kiosk's user)
health-folder-missing = { $root } does not exist; check the path, or start the kiosk once to create it
health-not-private = { $path } can be read by other users; restart the kiosk (it fixes this) or run: chmod -R go= { $root }
health-owned-by-other = { $path } belongs to another user; give it back with: sudo chown -R { $owner }: { $root }
health-run-as-owner = the folder belongs to { $owner }; run the check as that user: sudo -u { $owner } dropin-kiosk --data-dir { $root } doctor
health-database = ok (schema version { $version }, { $sign-ins ->
        [one] { $sign-ins } sign-in
       *[other] { $sign-ins } sign-ins
    })
health-no-database-yet = ok (none yet; the kiosk creates it when it starts)
health-database-damaged = damaged; restart the kiosk (it keeps the damaged copy and starts a fresh one), or restore the last backup with: dropin-kiosk restore FILE
health-database-too-new = made by a newer version of dropin-kiosk (schema version { $version }); install that version again
health-database-unreadable = could not be read ({ $why }); check the folder's owner and free space
health-database-not-checked = not checked; run the check as the folder's owner (see above)
health-no-settings-yet = ok (none yet; the kiosk writes the built-in ones when it starts)
health-settings-problem = { $problem }; fix it in the staff area or in settings.toml
health-pin-missing = not set, so the first person to tap Staff could choose one; set it now, as the kiosk's user, with: dropin-kiosk --data-dir { $root } set-pin
health-backup-today = ok (today)
health-backup-yesterday = ok (yesterday)
health-backup-on = ok ({ $date })
health-nothing-to-back-up = ok (nothing to back up yet)
health-backup-missing = none yet, though there are sign-ins; the kiosk makes one when it starts and every day, so start it (sudo systemctl start dropin-kiosk)
health-backup-old = the last one is { $days } days old ({ $date }); is the kiosk running? Check with: systemctl status dropin-kiosk
health-disk-free = ok ({ $size } free)
health-disk-low = only { $size } left; delete files this machine does not need, or sign-ins may stop being saved
health-disk-unknown = could not be measured ({ $why })
# A size on disk: $mb is whole megabytes; $whole and $tenth make gigabytes with one decimal.
health-size-mb = { $mb } MB
health-size-gb = { $whole }.{ $tenth } GB
health-zone-known = ok ({ $zone })
health-zone-utc = { $zone }, which is rarely where a group meets; choose your town's zone in the staff area (Schedule) so the times on Home are right
health-no-kiosk-running = ok (no kiosk is running on this folder)
health-kiosk-running = ok (a kiosk is running on this folder)
health-this-kiosk = ok (this kiosk)
health-lock-unusable = could not be checked ({ $why }); check the folder's owner
health-languages-found = ok ({ $names })
health-no-leftovers = ok (none)
health-leftovers = { $list } left by a write or a practice run that was cut short, and may hold first names; restart the kiosk (it deletes them) or delete them with: rm -r { $list }

## Languages, for staff
# A language folder in the data folder's locales/ that could not be read; $file is its path.
locale-broken = { $file }, line { $line }: { $why }. Until it is fixed, the kiosk shows that part in English.
locale-unreadable = { $file } could not be read ({ $why }).
locale-right-to-left = { $language } is written right to left, which the kiosk cannot draw yet, so it is not offered.
locale-not-a-language = { $folder } is not named like a language (such as vi or zh-Hant), so it is not offered.
locale-unknown-language = settings.toml asks for the language "{ $language }", which the kiosk does not have; it shows English.
