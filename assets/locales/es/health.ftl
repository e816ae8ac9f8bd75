# La revisión del equipo: una línea por revisión, "nombre: resultado".

health-line = { $check }: { $finding }

health-check-folder = carpeta de datos
health-check-database = base de datos
health-check-settings = ajustes
health-check-pin = PIN del personal
health-check-backup = última copia de seguridad
health-check-disk = espacio libre en disco
health-check-time-zone = zona horaria
health-check-lock = quiosco en marcha
health-check-languages = idiomas
health-check-leftovers = archivos sobrantes

health-ok = bien
health-folder-private = bien (solo la ve el usuario del quiosco)
health-folder-missing = { $root } no existe; revisa la ruta o abre el quiosco una vez para crearla
health-not-private = otros usuarios pueden leer { $path }; reinicia el quiosco (lo corrige) o ejecuta: chmod -R go= { $root }
health-owned-by-other = { $path } pertenece a otro usuario; devuélvelo con: sudo chown -R { $owner }: { $root }
health-run-as-owner = la carpeta pertenece a { $owner }; haz la revisión como ese usuario: sudo -u { $owner } dropin-kiosk --data-dir { $root } doctor
health-database = bien (versión { $version }, { $sign-ins ->
        [one] { $sign-ins } registro
       *[other] { $sign-ins } registros
    })
health-no-database-yet = bien (aún no existe; el quiosco la crea al abrirse)
health-database-damaged = está dañada; reinicia el quiosco (guarda la copia dañada y empieza una nueva) o recupera la última copia con: dropin-kiosk restore ARCHIVO
health-database-too-new = la hizo una versión más nueva de dropin-kiosk (versión { $version }); vuelve a instalar esa versión
health-database-unreadable = no se pudo leer ({ $why }); revisa el dueño de la carpeta y el espacio libre
health-database-not-checked = no revisada; haz la revisión como dueño de la carpeta (ver arriba)
health-no-settings-yet = bien (aún no hay; el quiosco escribe los de fábrica al abrirse)
health-settings-problem = { $problem }; corrígelo en el área del personal o en settings.toml
health-pin-missing = no hay PIN, así que cualquiera que toque Personal podría elegirlo; ponlo ya, como usuario del quiosco, con: dropin-kiosk --data-dir { $root } set-pin
health-backup-today = bien (hoy)
health-backup-yesterday = bien (ayer)
health-backup-on = bien ({ $date })
health-nothing-to-back-up = bien (aún no hay nada que copiar)
health-backup-missing = todavía no hay, aunque ya hay registros; el quiosco hace una al abrirse y cada día, así que ábrelo (sudo systemctl start dropin-kiosk)
health-backup-old = la última tiene { $days } días ({ $date }); ¿está abierto el quiosco? Compruébalo con: systemctl status dropin-kiosk
health-disk-free = bien ({ $size } libres)
health-disk-low = solo quedan { $size }; borra archivos que no hagan falta o los registros podrían dejar de guardarse
health-disk-unknown = no se pudo medir ({ $why })
health-size-mb = { $mb } MB
health-size-gb = { $whole },{ $tenth } GB
health-zone-known = bien ({ $zone })
health-zone-utc = { $zone }, que casi nunca es la del grupo; elige la zona de tu ciudad en el área del personal (Horario) para que las horas salgan bien
health-no-kiosk-running = bien (ningún quiosco usa esta carpeta)
health-kiosk-running = bien (un quiosco está usando esta carpeta)
health-this-kiosk = bien (este quiosco)
health-lock-unusable = no se pudo comprobar ({ $why }); revisa el dueño de la carpeta
health-languages-found = bien ({ $names })
health-no-leftovers = bien (ninguno)
health-leftovers = { $list } quedaron de una escritura o una práctica que se cortó y pueden guardar nombres; reinicia el quiosco (los borra) o bórralos con: rm -r { $list }

## Idiomas, para el personal
locale-broken = { $file }, línea { $line }: { $why }. Hasta que se corrija, el quiosco muestra esa parte en inglés.
locale-unreadable = No se pudo leer { $file } ({ $why }).
locale-right-to-left = { $language } se escribe de derecha a izquierda, y el quiosco todavía no puede mostrarlo, así que no se ofrece.
locale-not-a-language = { $folder } no tiene nombre de idioma (como vi o zh-Hant), así que no se ofrece.
locale-unknown-language = settings.toml pide el idioma "{ $language }", que el quiosco no tiene; se muestra en inglés.
