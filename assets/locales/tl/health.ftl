# The health check: one line per check, "name: finding", as `doctor` prints it and the staff
# area shows it. Commands and paths ($root, $path) stay as they are.

health-line = { $check }: { $finding }

health-check-folder = folder ng data
health-check-database = database
health-check-settings = settings
health-check-pin = PIN ng staff
health-check-backup = huling backup
health-check-disk = libreng espasyo sa disk
health-check-time-zone = time zone
health-check-lock = tumatakbong kiosk
health-check-languages = mga wika
health-check-leftovers = naiwang file

health-ok = ok
health-folder-private = ok (ang user lang ng kiosk ang nakakakita)
health-folder-missing = wala ang { $root }; suriin ang path, o buksan ang kiosk nang isang beses para magawa ito
health-not-private = nababasa ng ibang user ang { $path }; i-restart ang kiosk (inaayos nito ito) o patakbuhin: chmod -R go= { $root }
health-owned-by-other = pag-aari ng ibang user ang { $path }; ibalik ito gamit ang: sudo chown -R { $owner }: { $root }
health-run-as-owner = pag-aari ni { $owner } ang folder; patakbuhin ang pagsusuri bilang user na iyon: sudo -u { $owner } dropin-kiosk --data-dir { $root } doctor
health-database = ok (schema version { $version }, { $sign-ins } sign-in)
health-no-database-yet = ok (wala pa; ginagawa ito ng kiosk pagbukas)
health-database-damaged = sira; i-restart ang kiosk (itinatago nito ang sirang kopya at nagsisimula ng bago), o ibalik ang huling backup gamit ang: dropin-kiosk restore FILE
health-database-too-new = gawa ng mas bagong bersyon ng dropin-kiosk (schema version { $version }); i-install ulit ang bersyong iyon
health-database-unreadable = hindi mabasa ({ $why }); suriin ang may-ari ng folder at ang libreng espasyo
health-database-not-checked = hindi nasuri; patakbuhin ang pagsusuri bilang may-ari ng folder (tingnan sa itaas)
health-no-settings-yet = ok (wala pa; isusulat ng kiosk ang default pagbukas)
health-settings-problem = { $problem }; ayusin ito sa staff area o sa settings.toml
health-pin-missing = wala pa, kaya ang unang pipindot sa Staff ang makakapili nito; itakda ito ngayon, bilang user ng kiosk, gamit ang: dropin-kiosk --data-dir { $root } set-pin
health-backup-today = ok (ngayon)
health-backup-yesterday = ok (kahapon)
health-backup-on = ok ({ $date })
health-nothing-to-back-up = ok (wala pang ibaback-up)
health-backup-missing = wala pa, kahit may mga sign-in na; gumagawa ang kiosk nito pagbukas at araw-araw, kaya buksan ito (sudo systemctl start dropin-kiosk)
health-backup-old = { $days } araw na ang huli ({ $date }); tumatakbo ba ang kiosk? Suriin gamit ang: systemctl status dropin-kiosk
health-disk-free = ok ({ $size } libre)
health-disk-low = { $size } na lang ang natitira; burahin ang mga file na hindi kailangan, o baka tumigil ang pag-save ng sign-in
health-disk-unknown = hindi masukat ({ $why })
# A size on disk: $mb is whole megabytes; $whole and $tenth make gigabytes with one decimal.
health-size-mb = { $mb } MB
health-size-gb = { $whole }.{ $tenth } GB
health-zone-known = ok ({ $zone })
health-zone-utc = { $zone }, na bihirang time zone ng grupo; piliin ang zone ng lugar ninyo sa staff area (Iskedyul) para tama ang oras sa Home
health-no-kiosk-running = ok (walang kiosk na gumagamit ng folder na ito)
health-kiosk-running = ok (may kiosk na gumagamit ng folder na ito)
health-this-kiosk = ok (ang kiosk na ito)
health-lock-unusable = hindi masuri ({ $why }); suriin ang may-ari ng folder
health-languages-found = ok ({ $names })
health-no-leftovers = ok (wala)
health-leftovers = { $list } ang naiwan ng naputol na pagsulat o pagsasanay, at baka may mga pangalan; i-restart ang kiosk (binubura nito ang mga ito) o burahin gamit ang: rm -r { $list }

## Languages, for staff
# A language folder in the data folder's locales/ that could not be read; $file is its path.
locale-broken = { $file }, linya { $line }: { $why }. Hangga't hindi ito naaayos, Ingles ang ipinapakita ng kiosk sa bahaging iyon.
locale-unreadable = Hindi mabasa ang { $file } ({ $why }).
locale-right-to-left = Isinusulat mula kanan pakaliwa ang { $language }, na hindi pa kayang ipakita ng kiosk, kaya hindi ito inaalok.
locale-not-a-language = Hindi nakapangalan na parang wika ang { $folder } (gaya ng vi o zh-Hant), kaya hindi ito inaalok.
locale-unknown-language = Hinihingi ng settings.toml ang wikang "{ $language }", na wala sa kiosk; Ingles ang ipinapakita.
