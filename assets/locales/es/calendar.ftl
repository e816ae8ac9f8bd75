# Días, horas y las palabras del temporizador.

day-mon = lunes
day-tue = martes
day-wed = miércoles
day-thu = jueves
day-fri = viernes
day-sat = sábado
day-sun = domingo
day-mon-short = lun
day-tue-short = mar
day-wed-short = mié
day-thu-short = jue
day-fri-short = vie
day-sat-short = sáb
day-sun-short = dom

clock-hours = 24
clock-am = a. m.
clock-pm = p. m.
clock-with-mark = { $time } { $mark }

list-and = { $items } y { $last }
list-separator = {", "}

## El temporizador del inicio
timer-next-group = Próximo grupo: { $when }
timer-no-times = Todavía no hay horarios de grupo.
timer-starts-in = El grupo empieza en { $left }
timer-time-left = Quedan { $left }
timer-ended = El grupo terminó. Gracias por venir.
timer-no-group-today = Hoy no hay grupo.
timer-wrap-up = Es hora de ir cerrando
timer-when-today = hoy a las { $time }
timer-when-tomorrow = mañana a las { $time }
timer-when-day = { $day } a las { $time }
timer-minutes = { $minutes } min

## Cursos
course-meeting = Reunión { $number } de { $of } · { $title }
course-finished = El curso terminó
course-not-started = El curso empieza el { $day } { $date }
