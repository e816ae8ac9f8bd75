# Days, times of day and the words of the timer.

day-mon = Lunes
day-tue = Martes
day-wed = Miyerkules
day-thu = Huwebes
day-fri = Biyernes
day-sat = Sabado
day-sun = Linggo
day-mon-short = Lun
day-tue-short = Mar
day-wed-short = Miy
day-thu-short = Huw
day-fri-short = Biy
day-sat-short = Sab
day-sun-short = Lin

# 12 for a clock with AM and PM ("1:30 PM"), 24 for "13:30".
clock-hours = 12
clock-am = AM
clock-pm = PM
# A time with its AM/PM mark: $time is "1:30", $mark is clock-am or clock-pm.
clock-with-mark = { $time } { $mark }

# "Monday, Wednesday and Friday": $items are all but the last, joined by list-separator.
list-and = { $items } at { $last }
list-separator = {", "}

## The timer on Home
timer-next-group = Susunod na grupo: { $when }
timer-no-times = Wala pang nakatakdang oras ng grupo.
timer-starts-in = Magsisimula sa { $left }
timer-time-left = { $left } na lang
timer-ended = Tapos na ang grupo. Salamat sa pagpunta.
timer-no-group-today = Walang grupo ngayon.
timer-wrap-up = Oras na para magtapos
# $time is a time of day, $day a day's name.
timer-when-today = mamayang { $time }
timer-when-tomorrow = bukas, { $time }
timer-when-day = { $day }, { $time }
timer-minutes = { $minutes } min

## Courses
course-meeting = Pagkikita { $number } sa { $of } · { $title }
course-finished = Tapos na ang kurso
# $day is a day's name, $date is like 2026-10-06.
course-not-started = Magsisimula ang kurso sa { $day }, { $date }
