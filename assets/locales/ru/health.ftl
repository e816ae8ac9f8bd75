# The health check: one line per check, "name: finding", as `doctor` prints it and the staff
# area shows it. Commands and paths ($root, $path) stay as they are.

health-line = { $check }: { $finding }

health-check-folder = папка данных
health-check-database = база данных
health-check-settings = настройки
health-check-pin = PIN сотрудников
health-check-backup = последняя резервная копия
health-check-disk = свободное место на диске
health-check-time-zone = часовой пояс
health-check-lock = работающий киоск
health-check-languages = языки
health-check-leftovers = оставшиеся файлы

health-ok = в порядке
health-folder-private = в порядке (доступна только пользователю киоска)
health-folder-missing = { $root } не существует; проверьте путь или запустите киоск один раз, чтобы он её создал
health-not-private = { $path } могут читать другие пользователи; перезапустите киоск (он это исправит) или выполните: chmod -R go= { $root }
health-owned-by-other = { $path } принадлежит другому пользователю; верните его командой: sudo chown -R { $owner }: { $root }
health-run-as-owner = папка принадлежит { $owner }; запустите проверку от этого пользователя: sudo -u { $owner } dropin-kiosk --data-dir { $root } doctor
health-database = в порядке (версия схемы { $version }, { $sign-ins ->
        [one] { $sign-ins } отметка
        [few] { $sign-ins } отметки
        [many] { $sign-ins } отметок
       *[other] { $sign-ins } отметки
    })
health-no-database-yet = в порядке (пока нет; киоск создаст её при запуске)
health-database-damaged = повреждена; перезапустите киоск (он сохранит повреждённую копию и начнёт новую) или восстановите последнюю копию: dropin-kiosk restore ФАЙЛ
health-database-too-new = создана более новой версией dropin-kiosk (версия схемы { $version }); установите эту версию снова
health-database-unreadable = не удалось прочитать ({ $why }); проверьте владельца папки и свободное место
health-database-not-checked = не проверена; запустите проверку от владельца папки (см. выше)
health-no-settings-yet = в порядке (пока нет; киоск запишет встроенные при запуске)
health-settings-problem = { $problem }; исправьте это в разделе сотрудников или в settings.toml
health-pin-missing = не задан, и первый, кто нажмёт «Сотрудники», сможет его выбрать; задайте его сейчас от пользователя киоска: dropin-kiosk --data-dir { $root } set-pin
health-backup-today = в порядке (сегодня)
health-backup-yesterday = в порядке (вчера)
health-backup-on = в порядке ({ $date })
health-nothing-to-back-up = в порядке (копировать пока нечего)
health-backup-missing = пока нет, хотя отметки уже есть; киоск делает копию при запуске и каждый день, так что запустите его (sudo systemctl start dropin-kiosk)
health-backup-old = последней копии { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } ({ $date }); киоск работает? Проверьте: systemctl status dropin-kiosk
health-disk-free = в порядке (свободно { $size })
health-disk-low = осталось всего { $size }; удалите ненужные файлы, иначе отметки могут перестать сохраняться
health-disk-unknown = не удалось измерить ({ $why })
# A size on disk: $mb is whole megabytes; $whole and $tenth make gigabytes with one decimal.
health-size-mb = { $mb } МБ
health-size-gb = { $whole },{ $tenth } ГБ
health-zone-known = в порядке ({ $zone })
health-zone-utc = { $zone } — группы редко встречаются по этому поясу; выберите пояс вашего города в разделе сотрудников (Расписание), чтобы время на главном экране было верным
health-no-kiosk-running = в порядке (с этой папкой не работает ни один киоск)
health-kiosk-running = в порядке (с этой папкой работает киоск)
health-this-kiosk = в порядке (этот киоск)
health-lock-unusable = не удалось проверить ({ $why }); проверьте владельца папки
health-languages-found = в порядке ({ $names })
health-no-leftovers = в порядке (нет)
health-leftovers = { $list } остались от прерванной записи или тренировки и могут содержать имена; перезапустите киоск (он их удалит) или удалите их: rm -r { $list }

## Languages, for staff
# A language folder in the data folder's locales/ that could not be read; $file is its path.
locale-broken = { $file }, строка { $line }: { $why }. Пока это не исправлено, киоск показывает эту часть по-английски.
locale-unreadable = Не удалось прочитать { $file } ({ $why }).
locale-right-to-left = { $language } пишется справа налево, а киоск пока не умеет это показывать, поэтому этот язык не предлагается.
locale-not-a-language = { $folder }: название папки не похоже на код языка (например, vi или zh-Hant), поэтому она не предлагается.
locale-unknown-language = В settings.toml указан язык «{ $language }», которого в киоске нет; показывается английский.
