# Что пишет командная строка, и ошибки, которые видит человек: в терминале — на языке
# настроек; в kiosk.log они остаются на английском. $why — техническая причина (часто словами
# системы); $path — файл или папка. Команды, параметры и ключи (set-pin, --map, [org_units])
# не переводятся.

## Ответы
cli-occurrence = { $day }, { $date }, { $time }
cli-cancelled = Встреча отменена: { $when }.
cli-restored = Встреча возвращена: { $when }.
cli-not-cancelled = Встреча не была отменена: { $when }.
cli-anonymous = человек без имени
cli-in-group = встреча в { $start }
cli-outside-hours = вне времени встреч
cli-signed-in = Отметка записана: { $who }, { $time }, { $group }{ $repeat ->
        [yes] {" "}(на этой встрече отметка уже была, поэтому посчитано один раз).
       *[no] .
    }
cli-wrote-rows = Записано строк: { $rows }, в { $path }.
cli-backup-written = Записана резервная копия, отметок: { $sign-ins } ({ $names ->
        [yes] с именами
       *[no] только статистика, без имён
    }), в { $path }.
cli-backup-keep-private = В ней имена за последние { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }, и ничто их не сотрёт: храните её в тайне и удалите, когда она станет не нужна.
cli-restored-file = Восстановлено из { $path }, отметок: { $sign-ins }.
cli-replaced-kept-until = До { $date } (срок хранения имён) заменённая база хранится как { $path }.
cli-pin-set = PIN сотрудников сохранён в { $path }.
cli-chime-played = Звонок прозвучал с громкостью { $volume } на звуковом устройстве по умолчанию.
cli-practice-run = пробный запуск во временной папке ({ $path }), она будет удалена; настоящая папка данных не затрагивается
cli-warning = внимание: { $why }
cli-names-not-erased = старые имена пока не удалось стереть: { $why }
cli-counts-cut-short = заметка: статистика заканчивается там, где сделана каждая копия, раньше { $date }: { $sites }
cli-site-made-on = { $site } — { $date }

## Вопросы (после каждого — пробел)
cli-pin-ask = Новый PIN сотрудников (от 4 до 8 цифр):
cli-pin-ask-again = Тот же PIN ещё раз:
cli-name-ask = Имя (просто Enter — без имени):

## Чего команда не сделала и почему
cli-future-sign-in = время { $time } ещё не наступило; отметку можно внести только за прошедшее время
cli-no-such-group = группы «{ $name }» нет; есть группы: { $groups }
cli-no-group-on = { $day }, { $date }, встреч нет; расписание: { $schedule }
cli-no-group-starts = { $day }, { $date }, ни одна встреча не начинается в { $time }
cli-checks-failed = проверок, которым нужно внимание: { $failing } из { $total }
cli-input-unreadable = не удалось прочитать { $what ->
        [pin] PIN
       *[name] имя
    }: { $why }
cli-pin-two-lines = set-pin ждёт две строки на стандартном вводе: PIN, а затем тот же PIN ещё раз
cli-pin-not-four-to-eight = PIN сотрудников — от 4 до 8 цифр; ничего не изменено
cli-pin-too-easy = такой PIN легко угадать (одна цифра подряд или ряд вроде 1234); пожалуйста, выберите менее очевидный
cli-pin-different = два PIN не совпали; ничего не изменено
cli-name-input-empty = sign-in --name - читает имя со стандартного ввода, а он оказался пуст; для отметки без имени уберите --name
cli-name-input-lines = на стандартном вводе больше одной строки; sign-in записывает одного человека, поэтому запустите его для каждого имени отдельно (ничего не записано)
cli-export-not-written = не удалось записать выгрузку: { $why }
cli-nothing-changed = { $why }; ничего не изменено
cli-the-backup = копия
cli-backup-refused = { $why }; ничего не записано
cli-restore-while-running = в { $path } работает киоск; сначала остановите его (sudo systemctl stop dropin-kiosk), потом восстанавливайте; ничего не изменено
cli-restore-not-moved-aside = текущую базу не удалось отложить ({ $why }); ничего не восстановлено
cli-restore-not-replaced = { $why }; заменённая база хранится как { $path }
cli-map-needed = для --format dhis2 нужен --map ФАЙЛ — TOML-файл с идентификаторами DHIS2 (см. README)
cli-map-not-wanted = --map нужен только для --format dhis2; для обычного CSV уберите его
cli-map-unreadable = не удалось прочитать карту { $path } ({ $why })
cli-the-map = карта { $path }
cli-dhis2-period-needed = DHIS2 принимает статистику по месяцам или кварталам; укажите --by month или --by quarter
cli-dhis2-whole-periods = { $period ->
        [quarter] DHIS2 принимает только целые кварталы: --from — первый день квартала, --to — последний день квартала, например --from 2026-07-01 --to 2026-12-31
       *[month] DHIS2 принимает только целые месяцы: --from — первый день месяца, --to — последний день месяца, например --from 2026-10-01 --to 2026-11-30
    }

## Ошибки изнутри; $file — имя файла, или «копия», «карта …»
error-the-file = файл
error-file-unreadable = не удалось прочитать { $path } ({ $why })
error-store-open = не удалось открыть базу посещений { $path }: { $why }
error-store-corrupt = база посещений { $path } повреждена или это не база данных
error-store-read-only = база посещений только для чтения, поэтому ничего нового сохранить нельзя
error-store-too-new = база посещений создана более новой версией dropin-kiosk (версия { $version })
error-store-outdated = база посещений от старой версии, и обновить её, пока она только для чтения, нельзя
error-store-busy = база посещений слишком долго занята; пожалуйста, попробуйте ещё раз
error-store-failed = сбой базы посещений: { $why }
error-course-no-topics = в нём нет ни одного [[topic]] с названием
error-no-home = не найдена домашняя папка для данных; укажите --data-dir ПАПКА
error-data-folder-create = не удалось создать папку данных { $path }: { $why }
error-already-running = в { $path } уже работает другой dropin-kiosk
error-lock = не удалось заблокировать папку данных { $path }: { $why }
error-pin-unreadable = не удалось прочитать файл PIN сотрудников { $path } ({ $why }); задайте PIN заново: `dropin-kiosk set-pin`
error-pin-damaged = файл PIN сотрудников { $path } повреждён; задайте PIN заново: `dropin-kiosk set-pin`
error-pin-not-prepared = не удалось сохранить PIN: { $why }
error-not-written = не удалось записать { $path }: { $why }
error-no-free-name = не удалось записать { $path }: это имя и следующие { $others } уже заняты
error-not-private = не удалось сделать { $path } доступным только киоску: { $why }
error-no-sound-device = нет звукового устройства для звонка ({ $why })
error-no-window = не удалось открыть окно киоска: { $why }
error-dates-swapped = дата начала { $from } позже даты конца { $to }; поменяйте их местами
backup-not-a-database = { $file }: это не копия dropin-kiosk (это не база SQLite)
backup-damaged = { $file }: повреждено (проверка целостности SQLite нашла ошибки)
backup-foreign = { $file }: это база SQLite, но не от dropin-kiosk
backup-too-new = { $file }: создано более новой версией dropin-kiosk (версия схемы { $version })
copy-not-a-copy = { $file }: это не копия статистики (используйте «Копировать статистику на USB» в разделе сотрудников или `dropin-kiosk backup`)
copy-has-names = { $file }: в ней есть имена; объединять можно только копии статистики без имён («Копировать статистику на USB» или `backup` без --with-names)
copy-too-new = { $file }: создано более новой версией dropin-kiosk (версия схемы { $version }); обновите эту, чтобы прочитать
map-syntax = { $file }: ошибка в строке { $line }: { $why }
map-no-figures = { $file }: не указано ни одного элемента данных; добавьте его в [data_elements], например visits = "…"
map-no-org-unit = { $file }: нет орг. единицы для площадки «{ $site }»; добавьте "{ $site }" = "…" в [org_units]
