# Что не так в settings.toml: на экране сотрудников, в проверке и в терминале.
# $key — имя настройки в файле (wrap_up_min, end): не переводится.

settings-file-running-on = В { $path } есть ошибка, поэтому киоск работает на { $running ->
        [last-good] последних исправных настройках
       *[built-in] встроенных настройках
    }: { $why }
settings-file-problem = В { $path } есть ошибка: { $why }
settings-unreadable = не удалось прочитать ({ $why })
settings-syntax-at-line = строка { $line }: { $why }
settings-problem-at-line = строка { $line }, { $key }: { $problem }
settings-problem-at-key = { $key }: { $problem }
settings-problem-separator = {"; "}
settings-quoted = «{ $value }»

settings-out-of-range = { $value } — вне допустимого; укажите от { $min } до { $max } ({ $unit ->
        [days] дней
        [percent] процентов
       *[minutes] минут
    })
settings-not-a-text-size = «{ $value }» — не размер текста; укажите "normal", "large" или "largest"
settings-not-a-chime = «{ $value }» — не настройка звонка; укажите "off", "wrap_up" или "wrap_up_and_end"
settings-not-a-script-name = укажите название набора сценариев, например "drop-in" или "check-in"
settings-not-topics = укажите название курса, например "eight-week", или список тем
settings-no-group-name = дайте группе название
settings-same-group-name = две группы называются «{ $value }»; дайте каждой своё название
settings-not-a-date = «{ $value }» — не дата; пишите так: 2026-10-06
settings-course-needs-topics = курсу нужны и темы, например topics = "eight-week"
settings-course-needs-start = курсу нужен и course_start, например course_start = "2026-10-06"
settings-no-such-group = группы «{ $value }» нет; укажите одну из: { $groups }
settings-slot-needs-group = этой встрече нужно group = "...", одна из: { $groups }
settings-not-a-weekday = «{ $value }» — не день недели; укажите mon, tue, wed, thu, fri, sat или sun
settings-not-a-time = «{ $value }» — не время; пишите ЧЧ:ММ, например { $example }
settings-slot-ends-before = встреча ({ $day }) заканчивается в { $end }, а начинается в { $start }: конец должен быть позже начала
settings-slot-overlaps = встреча ({ $day }) в { $start } пересекается со встречей ({ $day }) в { $other }
settings-unknown-zone = «{ $value }» — неизвестный часовой пояс; укажите название вроде "America/Los_Angeles"
settings-not-a-language = «{ $value }» — не код языка; укажите, например, "en", "es" или "vi"
