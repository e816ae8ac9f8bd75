# The words of the staff area.

## Staff area and PIN
staff-pin-enter = PIN del personal
staff-pin-choose = Elige un PIN para el personal
staff-pin-choose-hint = De 4 a 8 números. No hay PIN de fábrica; guárdalo bien.
staff-pin-again = Escribe el mismo PIN otra vez
staff-pin-wrong = Ese PIN no coincide. Inténtalo de nuevo.
staff-pin-locked = Demasiados intentos. Vuelve a intentarlo en { $time }.
staff-pin-shape = Usa de 4 a 8 números.
staff-pin-too-easy = Ese PIN sería fácil de adivinar. Elige uno menos obvio, por favor.
staff-pin-different = Los dos PIN eran distintos. Elige otra vez.
staff-pin-cannot-check = Ahora no se puede comprobar el PIN: { $why }
staff-pin-wait-seconds = { $n } s
staff-pin-wait-minutes = { $n } min
staff-pin-digits-typed = { $n ->
        [one] { $n } cifra escrita
       *[other] { $n } cifras escritas
    }
staff-ok = Aceptar
staff-section-attendance = Asistencia
staff-section-export = Exportar
staff-section-schedule = Horario
staff-section-script = Guion
staff-section-settings = Ajustes
staff-section-names = Nombres de hoy
staff-section-quit = Cerrar el quiosco
staff-lock = Bloquear
staff-last-four-weeks = Últimas 4 semanas
staff-this-month = Este mes
staff-last-month = Mes pasado
staff-this-year = Este año
staff-from = Desde
staff-to = Hasta
staff-show = Mostrar
staff-column-date = Fecha
staff-column-time = Hora
staff-column-status = Estado
staff-column-sign-ins = Registros
staff-column-named = Con nombre
staff-column-no-name = Sin nombre
staff-column-first-visits = Primera vez
staff-column-before-start = Antes del inicio
staff-column-after-start = Después del inicio
staff-held = realizado
staff-cancelled = cancelado
staff-outside-hours = Visitas fuera del horario: { $n } · días: { $days }
staff-totals = Sesiones: { $held } · Canceladas: { $cancelled } · Visitas: { $visits } · Promedio por sesión: { $mean }
staff-no-sessions = No hay sesiones en estas fechas.
staff-save-csv-to = Guardar el archivo CSV en:
staff-save-on-tablet = Esta tableta (carpeta exports)
staff-save-on-tablet-instead = Guardarlo en esta tableta
staff-this-tablet = esta tableta
staff-qr-whole = Escanéalo con un teléfono para llevarte todo el CSV.
staff-qr-summary = El CSV es muy largo para un código; este tiene los totales.
# What a screen reader says for the QR code.
staff-qr-label = Código QR de la exportación
staff-export-where = Cada memoria USB conectada aparece aquí.
staff-copy-counts-title = Copiar los conteos a una USB
staff-copy-counts-to = Copiar los conteos a { $drive }
staff-copy-counts-no-drive = Conecta una memoria USB para copiar ahí los conteos.
staff-counts-copied = Los conteos (sin nombres) se copiaron en { $path }
staff-counts-copy-failed = Los conteos no se copiaron en { $drive }: { $why }.
staff-health-title = Revisión del equipo
staff-weekly-times = Horarios semanales del grupo
staff-add-slot = Añadir un horario
staff-remove = Quitar
staff-time-zone = Zona horaria
staff-search-zone = Buscar zona horaria
staff-save-schedule = Guardar horario
staff-upcoming-sessions = Próximas cuatro semanas
staff-public-note = Nota para el inicio
staff-cancel-session = Cancelar este grupo
staff-restore-session = Restablecer
staff-script-set = Guion
staff-editing-language = Idioma del texto
staff-preview = Vista previa, como la ve quien facilita
staff-save-script = Guardar texto
staff-group-name = Nombre del grupo
staff-room = Sala
staff-default-language = Idioma inicial
staff-default-text-size = Tamaño de letra para cada persona nueva
staff-text-size-normal = Normal
staff-text-size-large = Grande
staff-text-size-largest = Más grande
staff-early-window = Se abre (minutos antes)
staff-wrap-up = Cierre (últimos minutos)
staff-ended = "Terminó" se muestra (minutos)
staff-retention = Guardar nombres (días)
staff-damaged-copy-kept = Una copia dañada de la base de datos de asistencia se guarda hasta el { $date } y después se borra.
staff-save-settings = Guardar ajustes
staff-change-pin = Cambiar PIN
staff-names-today = Nombres registrados hoy (solo personal)
staff-names-none = Hoy no hay nombres.
staff-quit-explain = Esto cierra el quiosco. Nadie podrá registrarse hasta que se vuelva a abrir.
staff-quit-now = Cerrar el quiosco ahora
staff-pin-saved = El nuevo PIN quedó guardado.
staff-settings-saved = Ajustes guardados.
staff-script-saved = El guion quedó guardado.
staff-script-chosen = El guion de quien facilita ahora es "{ $name }".
staff-session-cancelled = El grupo del { $when } quedó cancelado. El inicio muestra la nota.
staff-session-restored = El grupo del { $when } vuelve a estar en pie.
staff-schedule-saved = Guardado. El inicio ahora muestra: { $summary }
staff-exported = Guardado en { $path }
staff-export-failed = El archivo CSV no se guardó en { $place }: { $why }.
staff-dates-swapped = La primera fecha es posterior a la última; inviértelas, por favor.
staff-date-shape = Escribe las fechas así: 2026-11-25.
staff-no-database = No hay nada que exportar: la base de datos de asistencia no está abierta.
staff-slot-times = Las horas del { $day } deben escribirse así: 13:30.
staff-slot-ends-before = El grupo del { $day } termina a las { $end }, que no es después de su inicio a las { $start }.
staff-slot-overlaps = El grupo del { $day } a las { $start } se cruza con el grupo del { $day } a las { $other }.
staff-unknown-zone = "{ $zone }" no es una zona horaria; elige una de la lista.
staff-out-of-range = { $field } debe ser un número entero de { $min } a { $max }.
staff-field-early-window = La apertura anticipada
staff-field-wrap-up = El tiempo de cierre
staff-field-ended = El tiempo de "terminó"
staff-field-retention = El número de días para guardar nombres
staff-failure-counts = No se pudieron leer los conteos
staff-failure-cancel = La cancelación no se guardó
staff-failure-restore = No se pudo restablecer
staff-failure-script = El guion no se guardó
staff-failure-settings = No se guardó nada
staff-failed = { $what }: { $why }.
staff-settings-invalid = { $key }: { $problem }.


## The attendance database, for staff
store-not-saving = Los registros no se están guardando: { $why }.
store-damaged-not-moved = La base de datos de asistencia está dañada y no se pudo apartar ({ $why }); los registros no se están guardando.
store-reset = La base de datos de asistencia estaba dañada y se empezó una nueva.
store-recovered = { $n ->
        [one] Se recuperó { $n } registro de ella, sin nombre.
       *[other] Se recuperaron { $n } registros de ella, sin nombres.
    }
store-copy-names-free = Una copia de ellos, sin nombres, se guarda como { $path }.
store-copy-deleted = No se pudo leer nada más del archivo dañado, así que se borró.
store-copy-unchanged = El archivo dañado se guarda como { $path } hasta que se puedan borrar sus nombres.
store-recovered-nothing = No se pudo recuperar nada de ella ({ $why }); se guarda como { $path } hasta que se puedan borrar sus nombres.
store-fresh-not-opened = La nueva tampoco se pudo abrir: { $why }. El archivo dañado se guarda como { $path }.
store-sign-in-not-saved = El último registro no se guardó: { $why }.
store-suggestion-not-saved = El último tema propuesto no se guardó: { $why }.

## The facilitator's cue and the QR code's own view

chime-title = Timbre para quien facilita:
chime-off = Sin sonido
chime-wrap-up = Al cerrar
chime-wrap-up-and-end = Al cerrar y al final
chime-volume = Volumen del timbre (0–100)
chime-play = Tocar el timbre
qr-show = Mostrar el código QR
qr-back-to-export = Volver a exportar
health-sound = sonido del timbre
health-sound-plays = bien (un dispositivo de sonido lo toca)
health-sound-not-tried = bien (aún no hizo falta; ejecuta `dropin-kiosk chime` para oírlo)
health-sound-none-chime-off = bien (no hay dispositivo de sonido y el timbre está apagado: { $why })
health-sound-none = no hay dispositivo de sonido, así que el timbre no suena; conecta un altavoz o pon chime = "off" ({ $why })

## Counts across rooms

report-site = Este sitio: { $site }
report-copy-counts-explain = Todos los conteos, sin nombres: el archivo que lee el informe de la coordinación. También es una copia de seguridad para guardar en un lugar seguro.
