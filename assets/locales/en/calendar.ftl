# Days, times of day and the words of the timer.

day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
day-mon-short = Mon
day-tue-short = Tue
day-wed-short = Wed
day-thu-short = Thu
day-fri-short = Fri
day-sat-short = Sat
day-sun-short = Sun

# 12 for a clock with AM and PM ("1:30 PM"), 24 for "13:30".
clock-hours = 12
clock-am = AM
clock-pm = PM
# A time with its AM/PM mark: $time is "1:30", $mark is clock-am or clock-pm.
clock-with-mark = { $time } { $mark }

# "Monday, Wednesday and Friday": $items are all but the last, joined by list-separator.
list-and = { $items } and { $last }
list-separator = {", "}

## The timer on Home
timer-next-group = Next group: { $when }
timer-no-times = No group times are set yet.
timer-starts-in = Group starts in { $left }
timer-time-left = { $left } left
timer-ended = Group has ended. Thank you for coming.
timer-no-group-today = No group today.
timer-wrap-up = Time to wrap up
# $time is a time of day, $day a day's name.
timer-when-today = today { $time }
timer-when-tomorrow = tomorrow { $time }
timer-when-day = { $day } { $time }
timer-minutes = { $minutes } min

## Courses
course-meeting = Meeting { $number } of { $of } · { $title }
course-finished = The course has finished
# $day is a day's name, $date is like 2026-10-06.
course-not-started = The course starts on { $day } { $date }
