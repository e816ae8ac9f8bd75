# Ang isinusulat ng command line, at ang mga error na umaabot sa tao: sa terminal, sa wika ng
# settings; nasa Ingles ang mga ito sa kiosk.log. Ang $why ay teknikal na dahilan (madalas
# galing sa operating system); ang $path ay file o folder. Huwag isalin ang mga command,
# option at key (set-pin, --map, [org_units]).

## Mga sagot
cli-occurrence = { $day } { $date } nang { $time }
cli-cancelled = Kinansela ang grupo sa { $when }.
cli-restored = Ibinalik ang grupo sa { $when }.
cli-not-cancelled = Hindi kinansela ang grupo sa { $when }.
cli-anonymous = walang pangalan
cli-in-group = sa grupo nang { $start }
cli-outside-hours = labas sa oras ng grupo
cli-signed-in = Naitala ang sign-in: { $who }, { $time }, { $group }{ $repeat ->
        [yes] {" "}(naka-sign in na sa grupong ito, kaya isang beses lang binilang).
       *[no] .
    }
cli-wrote-rows = Naisulat ang { $rows } row sa { $path }.
cli-backup-written = Naisulat ang backup ng { $sign-ins } sign-in ({ $names ->
        [yes] may mga pangalan
       *[no] bilang lang, walang pangalan
    }) sa { $path }.
cli-backup-keep-private = Nasa loob nito ang mga pangalan ng huling { $days } araw, at walang bubura sa mga ito: itago ito nang pribado, at burahin kapag hindi na kailangan.
cli-restored-file = Naibalik ang { $path }: { $sign-ins } sign-in.
cli-replaced-kept-until = Hanggang { $date } (ang tagal ng pagtatago ng pangalan), nakatago ang napalitang database bilang { $path }.
cli-pin-set = Naitakda ang PIN ng staff sa { $path }.
cli-chime-played = Pinatunog ang chime sa volume { $volume } sa default na sound device.
cli-practice-run = pagsasanay sa pansamantalang folder ({ $path }), na buburahin pagkatapos; hindi gagalawin ang totoong data folder
cli-warning = babala: { $why }
cli-names-not-erased = hindi pa mabura ang mga lumang pangalan: { $why }
cli-counts-cut-short = paalala: humihinto ang bilang kung kailan ginawa ang bawat kopya, bago ang { $date }: { $sites }
cli-site-made-on = { $site } noong { $date }

## Mga tanong (may espasyo pagkatapos)
cli-pin-ask = Bagong PIN ng staff (4 hanggang 8 numero):
cli-pin-ask-again = Ang parehong PIN ulit:
cli-name-ask = Pangalan (Enter lang kung walang pangalan):

## Ang hindi ginawa ng command, at bakit
cli-future-sign-in = hindi pa dumarating ang { $time }; puwede lang maglagay ng sign-in para sa oras na lumipas na
cli-no-such-group = walang grupong "{ $name }"; ang mga grupo ay { $groups }
cli-no-group-on = walang grupo sa { $day } { $date }; ang iskedyul ay { $schedule }
cli-no-group-starts = walang grupong nagsisimula nang { $time } sa { $day } { $date }
cli-checks-failed = { $failing } sa { $total } na pagsusuri ang kailangang tingnan
cli-input-unreadable = hindi mabasa ang { $what ->
        [pin] PIN
       *[name] pangalan
    }: { $why }
cli-pin-two-lines = kailangan ng set-pin ang dalawang linya sa standard input: ang PIN, tapos ang parehong PIN ulit
cli-pin-not-four-to-eight = 4 hanggang 8 numero ang PIN ng staff; walang binago
cli-pin-too-easy = madaling hulaan ang PIN na iyan (iisang numerong inulit, o sunod-sunod gaya ng 1234); pumili ng mas mahirap hulaan
cli-pin-different = magkaiba ang dalawang PIN; walang binago
cli-name-input-empty = binabasa ng sign-in --name - ang pangalan sa standard input, at wala itong laman; alisin ang --name para sa sign-in na walang pangalan
cli-name-input-lines = higit sa isang linya ang nasa standard input; isang tao lang ang itinatala ng sign-in, kaya patakbuhin ito nang isang beses sa bawat pangalan (walang naitala)
cli-export-not-written = hindi maisulat ang export: { $why }
cli-nothing-changed = { $why }; walang binago
cli-the-backup = backup
cli-backup-refused = { $why }; walang naisulat
cli-restore-while-running = may kiosk na tumatakbo sa { $path }; ihinto muna ito (sudo systemctl stop dropin-kiosk), saka mag-restore; walang binago
cli-restore-not-moved-aside = hindi mailipat ang kasalukuyang database ({ $why }); walang naibalik
cli-restore-not-replaced = { $why }; nakatago ang napalitang database bilang { $path }
cli-map-needed = kailangan ng --format dhis2 ang --map FILE, ang TOML file na nagsasabi ng mga id ng DHIS2 (tingnan ang README)
cli-map-not-wanted = para sa --format dhis2 ang --map; alisin ito para sa karaniwang CSV
cli-map-unreadable = hindi mabasa ang map na { $path } ({ $why })
cli-the-map = map na { $path }
cli-dhis2-period-needed = bilang kada buwan o quarter ang tinatanggap ng DHIS2; gamitin ang --by month o --by quarter
cli-dhis2-whole-periods = { $period ->
        [quarter] buong quarter ang tinatanggap ng DHIS2: simulan ang --from sa unang araw ng isa at tapusin ang --to sa huling araw ng isa, hal. --from 2026-07-01 --to 2026-12-31
       *[month] buong buwan ang tinatanggap ng DHIS2: simulan ang --from sa unang araw ng isa at tapusin ang --to sa huling araw ng isa, hal. --from 2026-10-01 --to 2026-11-30
    }

## Mga error mula sa loob; ang $file ay pangalan ng file, o "backup", "map na …"
error-the-file = file
error-file-unreadable = hindi mabasa ang { $path } ({ $why })
error-store-open = hindi mabuksan ang attendance database sa { $path }: { $why }
error-store-corrupt = sira o hindi database ang attendance database sa { $path }
error-store-read-only = read-only ang attendance database, kaya walang bagong mase-save
error-store-too-new = gawa ng mas bagong bersyon ng dropin-kiosk ang attendance database (bersyon { $version })
error-store-outdated = mula sa lumang bersyon ang attendance database at hindi ito maa-upgrade habang read-only
error-store-busy = masyadong matagal na abala ang attendance database; pakisubukan ulit
error-store-failed = pumalya ang attendance database: { $why }
error-course-no-topics = wala itong [[topic]] na may pamagat
error-no-home = walang nakitang home folder na mapaglalagyan ng data; gamitin ang --data-dir DIR
error-data-folder-create = hindi magawa ang data folder na { $path }: { $why }
error-already-running = may isa pang dropin-kiosk na tumatakbo sa { $path }
error-lock = hindi ma-lock ang data folder na { $path }: { $why }
error-pin-unreadable = hindi mabasa ang PIN file ng staff na { $path } ({ $why }); itakda ulit ang PIN gamit ang `dropin-kiosk set-pin`
error-pin-damaged = sira ang PIN file ng staff na { $path }; itakda ulit ang PIN gamit ang `dropin-kiosk set-pin`
error-pin-not-prepared = hindi ma-save ang PIN: { $why }
error-not-written = hindi maisulat ang { $path }: { $why }
error-no-free-name = hindi maisulat ang { $path }: gamit na ang pangalang iyon at ang kasunod na { $others }
error-not-private = hindi magawang pribado sa kiosk ang { $path }: { $why }
error-no-sound-device = walang sound device na mapagpapatugtugan ng chime ({ $why })
error-no-window = hindi mabuksan ang window ng kiosk: { $why }
error-dates-swapped = mas huli ang simulang petsa { $from } kaysa sa huling petsa { $to }; pagpalitin ang dalawa
backup-not-a-database = hindi backup ng dropin-kiosk ang { $file } (hindi ito SQLite database)
backup-damaged = sira ang { $file } (may nakitang problema ang integrity check ng SQLite)
backup-foreign = SQLite database ang { $file }, pero hindi ng dropin-kiosk
backup-too-new = gawa ng mas bagong bersyon ng dropin-kiosk ang { $file } (schema version { $version })
copy-not-a-copy = hindi kopya ng bilang ang { $file } (gamitin ang "Kopyahin ang bilang sa USB" sa staff area, o ang `dropin-kiosk backup`)
copy-has-names = may mga pangalan ang { $file }; kopya lang ng bilang na walang pangalan ang puwedeng pagsamahin ("Kopyahin ang bilang sa USB", o `backup` na walang --with-names)
copy-too-new = gawa ng mas bagong bersyon ng dropin-kiosk ang { $file } (schema version { $version }); i-update ang isang ito para mabasa iyon
map-syntax = may problema ang { $file } sa linya { $line }: { $why }
map-no-figures = walang data element na binanggit ang { $file }; magdagdag ng isa sa ilalim ng [data_elements], hal. visits = "…"
map-no-org-unit = walang org unit ang { $file } para sa site na "{ $site }"; idagdag ang "{ $site }" = "…" sa ilalim ng [org_units]
