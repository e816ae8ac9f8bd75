# Lo que escribe la línea de órdenes, y los errores que llegan a una persona: en la terminal
# en el idioma de los ajustes; kiosk.log los guarda en inglés. $why es una causa técnica (a
# menudo en palabras del sistema); $path, un archivo o carpeta. Las órdenes, opciones y claves
# (set-pin, --map, [org_units]) no se traducen.

## Respuestas
cli-occurrence = { $day } { $date } a las { $time }
cli-cancelled = Se canceló el grupo del { $when }.
cli-restored = Se restableció el grupo del { $when }.
cli-not-cancelled = El grupo del { $when } no estaba cancelado.
cli-anonymous = una persona sin nombre
cli-in-group = en el grupo del { $start }
cli-outside-hours = fuera del horario de los grupos
cli-signed-in = Se registró a { $who } el { $time }, { $group }{ $repeat ->
        [yes] {" "}(ya se había registrado en este grupo, así que cuenta una vez).
       *[no] .
    }
cli-wrote-rows = Se { $rows ->
        [one] escribió { $rows } fila
       *[other] escribieron { $rows } filas
    } en { $path }.
cli-backup-written = Se escribió una copia de seguridad de { $sign-ins } { $sign-ins ->
        [one] registro
       *[other] registros
    } ({ $names ->
        [yes] con nombres
       *[no] solo conteos, sin nombres
    }) en { $path }.
cli-backup-keep-private = Guarda los nombres de los últimos { $days } días, y nada los borrará: mantenla en privado y bórrala cuando ya no haga falta.
cli-restored-file = Se recuperó { $path }: { $sign-ins } { $sign-ins ->
        [one] registro
       *[other] registros
    }.
cli-replaced-kept-until = Hasta el { $date } (el tiempo que se guardan los nombres), la base de datos que se reemplazó queda en { $path }.
cli-pin-set = El PIN del personal quedó guardado en { $path }.
cli-chime-played = Sonó el timbre a volumen { $volume } en el dispositivo de sonido principal.
cli-practice-run = práctica en una carpeta temporal ({ $path }), que se borra al terminar; la carpeta de datos real no se toca
cli-warning = aviso: { $why }
cli-names-not-erased = todavía no se pudieron borrar los nombres antiguos: { $why }
cli-counts-cut-short = nota: los conteos terminan donde se hizo cada copia, antes del { $date }: { $sites }
cli-site-made-on = { $site } el { $date }

## Preguntas (después va un espacio)
cli-pin-ask = Nuevo PIN del personal (de 4 a 8 cifras):
cli-pin-ask-again = El mismo PIN otra vez:
cli-name-ask = Nombre (solo Enter para no dar nombre):

## Lo que una orden no hace, y por qué
cli-future-sign-in = { $time } todavía no ha llegado; solo se puede anotar un registro de una hora que ya pasó
cli-no-such-group = no hay ningún grupo que se llame "{ $name }"; los grupos son { $groups }
cli-no-group-on = no hay grupo el { $day } { $date }; el horario es { $schedule }
cli-no-group-starts = ningún grupo empieza a las { $time } el { $day } { $date }
cli-checks-failed = { $failing } de { $total } revisiones necesitan atención
cli-input-unreadable = no se pudo leer { $what ->
        [pin] el PIN
       *[name] el nombre
    }: { $why }
cli-pin-two-lines = set-pin necesita dos líneas en la entrada estándar: el PIN y luego el mismo PIN otra vez
cli-pin-not-four-to-eight = un PIN del personal tiene de 4 a 8 cifras; no se cambió nada
cli-pin-too-easy = ese PIN sería fácil de adivinar (una cifra repetida, o una serie como 1234); elige uno menos obvio, por favor
cli-pin-different = los dos PIN eran distintos; no se cambió nada
cli-name-input-empty = sign-in --name - lee el nombre de la entrada estándar, y estaba vacía; quita --name para un registro sin nombre
cli-name-input-lines = la entrada estándar tenía más de una línea; sign-in anota a una sola persona, así que úsalo una vez por cada nombre (no se anotó nada)
cli-export-not-written = no se pudo escribir la exportación: { $why }
cli-nothing-changed = { $why }; no se cambió nada
cli-the-backup = la copia
cli-backup-refused = { $why }; no se escribió nada
cli-restore-while-running = hay un quiosco abierto en { $path }; ciérralo primero (sudo systemctl stop dropin-kiosk) y luego recupera la copia; no se cambió nada
cli-restore-not-moved-aside = la base de datos actual no se pudo apartar ({ $why }); no se recuperó nada
cli-restore-not-replaced = { $why }; la base de datos que se iba a reemplazar queda en { $path }
cli-map-needed = --format dhis2 necesita --map ARCHIVO, el archivo TOML con los identificadores de DHIS2 (ver el README)
cli-map-not-wanted = --map es para --format dhis2; quítalo para un CSV normal
cli-map-unreadable = no se pudo leer el mapa { $path } ({ $why })
cli-the-map = el mapa { $path }
cli-dhis2-period-needed = DHIS2 recibe conteos por mes o por trimestre; usa --by month o --by quarter
cli-dhis2-whole-periods = { $period ->
        [quarter] DHIS2 recibe trimestres completos: empieza --from el primer día de uno y termina --to el último día de uno, p. ej. --from 2026-07-01 --to 2026-12-31
       *[month] DHIS2 recibe meses completos: empieza --from el primer día de uno y termina --to el último día de uno, p. ej. --from 2026-10-01 --to 2026-11-30
    }

## Errores de más adentro; $file es el nombre de un archivo, o "la copia", "el mapa …"
error-the-file = el archivo
error-file-unreadable = no se pudo leer { $path } ({ $why })
error-store-open = no se pudo abrir la base de datos de asistencia en { $path }: { $why }
error-store-corrupt = la base de datos de asistencia en { $path } está dañada o no es una base de datos
error-store-read-only = la base de datos de asistencia es de solo lectura, así que no se puede guardar nada nuevo
error-store-too-new = la base de datos de asistencia la hizo una versión más nueva de dropin-kiosk (versión { $version })
error-store-outdated = la base de datos de asistencia es de una versión anterior y no se puede actualizar mientras sea de solo lectura
error-store-busy = la base de datos de asistencia estuvo ocupada demasiado tiempo; inténtalo otra vez, por favor
error-store-failed = la base de datos de asistencia falló: { $why }
error-course-no-topics = no tiene ningún [[topic]] con título
error-no-home = no se encontró una carpeta personal donde guardar los datos; usa --data-dir CARPETA
error-data-folder-create = no se pudo crear la carpeta de datos { $path }: { $why }
error-already-running = ya hay otro dropin-kiosk abierto en { $path }
error-lock = no se pudo bloquear la carpeta de datos { $path }: { $why }
error-pin-unreadable = no se pudo leer el archivo del PIN del personal { $path } ({ $why }); vuelve a poner el PIN con `dropin-kiosk set-pin`
error-pin-damaged = el archivo del PIN del personal { $path } está dañado; vuelve a poner el PIN con `dropin-kiosk set-pin`
error-pin-not-prepared = no se pudo guardar el PIN: { $why }
error-not-written = no se pudo escribir { $path }: { $why }
error-no-free-name = no se pudo escribir { $path }: ese nombre y los { $others } siguientes ya están ocupados
error-not-private = no se pudo dejar { $path } solo para el quiosco: { $why }
error-no-sound-device = no hay dispositivo de sonido para el timbre ({ $why })
error-no-window = no se pudo abrir la ventana del quiosco: { $why }
error-dates-swapped = la fecha de inicio { $from } es posterior a la de fin { $to }; inviértelas
backup-not-a-database = { $file } no es una copia de dropin-kiosk (no es una base de datos SQLite)
backup-damaged = { $file } tiene daños (la revisión de integridad de SQLite encontró problemas)
backup-foreign = { $file } es una base de datos SQLite, pero no de dropin-kiosk
backup-too-new = { $file } viene de una versión más nueva de dropin-kiosk (versión del esquema { $version })
copy-not-a-copy = { $file } no es una copia de conteos (usa "Copiar los conteos a una USB" en el área del personal, o `dropin-kiosk backup`)
copy-has-names = { $file } tiene nombres; solo se pueden combinar copias de conteos sin nombres ("Copiar los conteos a una USB", o `backup` sin --with-names)
copy-too-new = { $file } viene de una versión más nueva de dropin-kiosk (versión del esquema { $version }); actualiza esta para poder leerla
map-syntax = { $file } tiene un problema en la línea { $line }: { $why }
map-no-figures = { $file } no nombra ningún dato; añade uno en [data_elements], p. ej. visits = "…"
map-no-org-unit = { $file } no da unidad organizativa para el sitio "{ $site }"; añade "{ $site }" = "…" en [org_units]
