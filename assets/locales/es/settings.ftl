# Lo que está mal en settings.toml: en la pantalla del personal, en la revisión y en la
# terminal. $key es el nombre del ajuste en el archivo (wrap_up_min, end): no se traduce.

settings-file-running-on = { $path } tiene un problema, así que el quiosco usa { $running ->
        [last-good] los últimos ajustes buenos
       *[built-in] los ajustes de fábrica
    }: { $why }
settings-file-problem = { $path } tiene un problema: { $why }
settings-unreadable = no se pudo leer ({ $why })
settings-syntax-at-line = línea { $line }: { $why }
settings-problem-at-line = línea { $line }, { $key }: { $problem }
settings-problem-at-key = { $key }: { $problem }
settings-problem-separator = {"; "}
settings-quoted = "{ $value }"

settings-out-of-range = { $value } está fuera del rango; usa de { $min } a { $max } { $unit ->
        [days] días
        [percent] por ciento
       *[minutes] minutos
    }
settings-not-a-text-size = "{ $value }" no es un tamaño de letra de aquí; usa "normal", "large" o "largest"
settings-not-a-chime = "{ $value }" no es un ajuste del timbre; usa "off", "wrap_up" o "wrap_up_and_end"
settings-not-a-script-name = escribe el nombre de un guion, como "drop-in" o "check-in"
settings-not-topics = escribe el nombre de un curso, como "eight-week", o una lista de temas
settings-no-group-name = ponle un nombre al grupo
settings-same-group-name = hay dos grupos que se llaman "{ $value }"; dale a cada uno su propio nombre
settings-not-a-date = "{ $value }" no es una fecha; escríbela así: 2026-10-06
settings-course-needs-topics = un curso también necesita temas, como topics = "eight-week"
settings-course-needs-start = un curso también necesita course_start, como course_start = "2026-10-06"
settings-no-such-group = no hay ningún grupo que se llame "{ $value }"; usa uno de estos: { $groups }
settings-slot-needs-group = este horario necesita group = "...", uno de estos: { $groups }
settings-not-a-weekday = "{ $value }" no es un día de la semana; usa mon, tue, wed, thu, fri, sat o sun
settings-not-a-time = "{ $value }" no es una hora; usa HH:MM, como { $example }
settings-slot-ends-before = el grupo del { $day } termina a las { $end }, que no es después de su inicio a las { $start }
settings-slot-overlaps = el grupo del { $day } a las { $start } se cruza con el grupo del { $day } a las { $other }
settings-unknown-zone = "{ $value }" no es una zona horaria conocida; usa un nombre como "America/Los_Angeles"
settings-not-a-language = "{ $value }" no es un código de idioma; usa uno como "en", "es" o "vi"
