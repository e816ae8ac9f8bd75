# The words of the staff area.

## Staff area and PIN
staff-pin-enter = PIN сотрудников
staff-pin-choose = Выберите PIN сотрудников
staff-pin-choose-hint = От 4 до 8 цифр. Готового PIN нет; храните этот надёжно.
staff-pin-again = Введите тот же PIN ещё раз
staff-pin-wrong = PIN не подошёл. Попробуйте ещё раз.
staff-pin-locked = Слишком много попыток. Попробуйте снова через { $time }.
staff-pin-shape = Используйте от 4 до 8 цифр.
staff-pin-too-easy = Такой PIN легко угадать. Выберите менее очевидный.
staff-pin-different = Два PIN не совпали. Выберите ещё раз.
staff-pin-cannot-check = Сейчас нельзя проверить PIN: { $why }
staff-pin-wait-seconds = { $n } с
staff-pin-wait-minutes = { $n } мин
staff-pin-digits-typed = { $n ->
        [one] Введена { $n } цифра
        [few] Введены { $n } цифры
        [many] Введено { $n } цифр
       *[other] Введено { $n } цифры
    }
staff-ok = ОК
staff-section-attendance = Посещаемость
staff-section-export = Экспорт
staff-section-schedule = Расписание
staff-section-script = Сценарий
staff-section-settings = Настройки
staff-section-names = Имена за сегодня
staff-section-quit = Закрыть киоск
staff-lock = Запереть
staff-last-four-weeks = Последние 4 недели
staff-this-month = Этот месяц
staff-last-month = Прошлый месяц
staff-this-year = Этот год
staff-from = С
staff-to = По
staff-show = Показать
staff-column-date = Дата
staff-column-time = Время
staff-column-status = Статус
staff-column-sign-ins = Отметки
staff-column-named = С именем
staff-column-no-name = Без имени
staff-column-first-visits = Впервые
staff-column-before-start = До начала
staff-column-after-start = После начала
staff-held = прошла
staff-cancelled = отменена
staff-outside-hours = Визиты вне времени групп: { $n } · дней: { $days }
staff-totals = Прошло встреч: { $held } · Отменено: { $cancelled } · Визитов: { $visits } · В среднем на встречу: { $mean }
staff-no-sessions = В эти даты встреч нет.
staff-save-csv-to = Сохранить CSV-файл в:
staff-save-on-tablet = Этот планшет (папка exports)
staff-save-on-tablet-instead = Сохранить на этот планшет
staff-this-tablet = этот планшет
staff-qr-whole = Отсканируйте телефоном, чтобы забрать весь CSV.
staff-qr-summary = CSV слишком длинный для одного кода; в этом коде — итоги.
staff-export-where = Здесь появится каждый подключённый USB-диск.
staff-copy-counts-title = Копировать статистику на USB
staff-copy-counts-to = Копировать статистику на { $drive }
staff-copy-counts-no-drive = Подключите USB-диск, чтобы скопировать на него статистику.
staff-counts-copied = Статистика (без имён) скопирована в { $path }
staff-counts-copy-failed = Статистика не скопирована на { $drive }: { $why }.
staff-health-title = Проверка системы
staff-weekly-times = Время встреч по неделям
staff-add-slot = Добавить время
staff-remove = Убрать
staff-time-zone = Часовой пояс
staff-search-zone = Искать часовой пояс
staff-save-schedule = Сохранить расписание
staff-upcoming-sessions = Следующие четыре недели
staff-public-note = Заметка на экране
staff-cancel-session = Отменить эту встречу
staff-restore-session = Вернуть
staff-script-set = Набор сценариев
staff-editing-language = Язык текста
staff-preview = Так увидит ведущий
staff-save-script = Сохранить текст
staff-group-name = Название группы
staff-room = Помещение
staff-default-language = Язык по умолчанию
staff-default-text-size = Размер шрифта для каждого нового человека
staff-text-size-normal = Обычный
staff-text-size-large = Крупный
staff-text-size-largest = Самый крупный
staff-early-window = Открыто (минут до начала)
staff-wrap-up = Завершение (минут до конца)
staff-ended = «Закончилась» видно (минут)
staff-retention = Хранить имена (дней)
staff-damaged-copy-kept = Повреждённая копия базы посещаемости хранится до { $date }, затем удаляется.
staff-save-settings = Сохранить настройки
staff-change-pin = Сменить PIN
staff-names-today = Имена за сегодня (только сотрудникам)
staff-names-none = Сегодня имён нет.
staff-quit-explain = Киоск закроется. Участники не смогут отметиться, пока его снова не запустят.
staff-quit-now = Закрыть киоск сейчас
staff-pin-saved = Новый PIN сохранён.
staff-settings-saved = Настройки сохранены.
staff-script-saved = Сценарий сохранён.
staff-script-chosen = Сценарий ведущего теперь «{ $name }».
staff-session-cancelled = Встреча отменена: { $when }. Заметка видна на главном экране.
staff-session-restored = Встреча снова в силе: { $when }.
staff-schedule-saved = Сохранено. На главном экране теперь: { $summary }
staff-exported = Сохранено в { $path }
staff-export-failed = CSV-файл не сохранён — { $place }: { $why }.
staff-dates-swapped = Первая дата позже последней; поменяйте их местами.
staff-date-shape = Пишите даты так: 2026-11-25.
staff-no-database = Нечего экспортировать: база посещаемости не открыта.
staff-slot-times = Время ({ $day }) пишите так: 13:30.
staff-slot-ends-before = Встреча ({ $day }) заканчивается в { $end }, а начинается в { $start }: конец должен быть позже начала.
staff-slot-overlaps = Встреча ({ $day }) в { $start } пересекается со встречей ({ $day }) в { $other }.
staff-unknown-zone = «{ $zone }» — не часовой пояс; выберите из списка.
staff-out-of-range = { $field }: нужно целое число от { $min } до { $max }.
staff-field-early-window = Время до начала
staff-field-wrap-up = Время завершения
staff-field-ended = Время «закончилась»
staff-field-retention = Дни хранения имён
staff-failure-counts = Не удалось прочитать статистику
staff-failure-cancel = Отмена не сохранена
staff-failure-restore = Не удалось вернуть
staff-failure-script = Сценарий не сохранён
staff-failure-settings = Ничего не сохранено
staff-failed = { $what }: { $why }.
staff-settings-invalid = { $key }: { $problem }.


## The attendance database, for staff
store-not-saving = Отметки не сохраняются: { $why }.
store-damaged-not-moved = База посещаемости повреждена, и её не удалось отложить ({ $why }); отметки не сохраняются.
store-reset = База посещаемости была повреждена, начата новая.
store-recovered = { $n ->
        [one] Из неё восстановлена { $n } отметка, без имени.
        [few] Из неё восстановлены { $n } отметки, без имён.
        [many] Из неё восстановлено { $n } отметок, без имён.
       *[other] Из неё восстановлено { $n } отметки, без имён.
    }
store-copy-names-free = Их копия без имён хранится как { $path }.
store-copy-deleted = Больше ничего из повреждённого файла прочитать не удалось, поэтому он удалён.
store-copy-unchanged = Повреждённый файл хранится как { $path }, пока из него не удастся стереть имена.
store-recovered-nothing = Из неё ничего не удалось восстановить ({ $why }); она хранится как { $path }, пока не удастся стереть имена.
store-fresh-not-opened = Новую тоже не удалось открыть: { $why }. Повреждённый файл хранится как { $path }.
store-sign-in-not-saved = Последняя отметка не сохранена: { $why }.
store-suggestion-not-saved = Последняя предложенная тема не сохранена: { $why }.

## The facilitator's cue and the QR code's own view

chime-title = Звонок для ведущего:
chime-off = Без звука
chime-wrap-up = Перед концом
chime-wrap-up-and-end = Перед концом и в конце
chime-volume = Громкость звонка (0–100)
chime-play = Проиграть звонок
qr-show = Показать QR-код
qr-back-to-export = Назад к выгрузке
health-sound = звук для звонка
health-sound-plays = в порядке (звук играет)
health-sound-not-tried = в порядке (пока не нужен; запустите `dropin-kiosk chime`, чтобы услышать)
health-sound-none-chime-off = в порядке (нет звукового устройства, а звонок выключен: { $why })
health-sound-none = нет звукового устройства, поэтому звонок молчит; подключите колонку или задайте chime = "off" ({ $why })

## Counts across rooms

report-site = Это место: { $site }
report-copy-counts-explain = Все подсчёты, без имён: этот файл читает отчёт координатора. Это и резервная копия — храните её в надёжном месте.

staff-qr-label = QR-код выгрузки
