# Days, times of day and the words of the timer.

day-mon = понедельник
day-tue = вторник
day-wed = среда
day-thu = четверг
day-fri = пятница
day-sat = суббота
day-sun = воскресенье
day-mon-short = пн
day-tue-short = вт
day-wed-short = ср
day-thu-short = чт
day-fri-short = пт
day-sat-short = сб
day-sun-short = вс

# 12 for a clock with AM and PM ("1:30 PM"), 24 for "13:30".
clock-hours = 24
clock-am = AM
clock-pm = PM
# A time with its AM/PM mark: $time is "1:30", $mark is clock-am or clock-pm.
clock-with-mark = { $time } { $mark }

# "Monday, Wednesday and Friday": $items are all but the last, joined by list-separator.
list-and = { $items } и { $last }
list-separator = {", "}

## The timer on Home
timer-next-group = Следующая группа: { $when }
timer-no-times = Время встреч пока не задано.
timer-starts-in = Группа начнётся через { $left }
timer-time-left = Осталось { $left }
timer-ended = Группа закончилась. Спасибо, что пришли.
timer-no-group-today = Сегодня группы нет.
timer-wrap-up = Пора заканчивать
# $time is a time of day, $day a day's name.
timer-when-today = сегодня в { $time }
timer-when-tomorrow = завтра в { $time }
timer-when-day = { $day }, { $time }
timer-minutes = { $minutes } мин

## Courses
course-meeting = Встреча { $number } из { $of } · { $title }
course-finished = Курс завершён
# $day is a day's name, $date is like 2026-10-06.
course-not-started = Курс начнётся: { $day }, { $date }
