# What is wrong with settings.toml: on the staff screen, in the health check, and at the
# terminal. A problem is said after its place in the file: "line 3, wrap_up_min: …".
# $key is the setting's name in the file (wrap_up_min, end): keep it as it is.

settings-file-running-on = { $path } has a problem, so the kiosk is running on { $running ->
        [last-good] the last good settings
       *[built-in] the built-in settings
    }: { $why }
settings-file-problem = { $path } has a problem: { $why }
settings-unreadable = could not be read ({ $why })
# $why is the TOML reader's own words, in English.
settings-syntax-at-line = line { $line }: { $why }
settings-problem-at-line = line { $line }, { $key }: { $problem }
settings-problem-at-key = { $key }: { $problem }
settings-problem-separator = {"; "}
# A name from the file, quoted.
settings-quoted = "{ $value }"

settings-out-of-range = { $value } is out of range; use { $min } to { $max } { $unit ->
        [days] days
        [percent] percent
       *[minutes] minutes
    }
settings-not-a-text-size = "{ $value }" is not a text size here; use "normal", "large" or "largest"
settings-not-a-chime = "{ $value }" is not a chime setting here; use "off", "wrap_up" or "wrap_up_and_end"
settings-not-a-script-name = give the name of a script set, like "drop-in" or "check-in"
settings-not-topics = give the name of a course, like "eight-week", or a list of topics
settings-no-group-name = give the group a name
settings-same-group-name = two groups are called "{ $value }"; give each its own name
settings-not-a-date = "{ $value }" is not a date; write it like 2026-10-06
settings-course-needs-topics = a course needs topics too, like topics = "eight-week"
settings-course-needs-start = a course needs course_start too, like course_start = "2026-10-06"
settings-no-such-group = there is no group called "{ $value }"; use one of: { $groups }
settings-slot-needs-group = this slot needs group = "...", one of: { $groups }
settings-not-a-weekday = "{ $value }" is not a weekday; use mon, tue, wed, thu, fri, sat or sun
settings-not-a-time = "{ $value }" is not a time; use HH:MM, like { $example }
settings-slot-ends-before = the { $day } group ends at { $end } which is not after its start at { $start }
settings-slot-overlaps = the { $day } group at { $start } overlaps the { $day } group at { $other }
settings-unknown-zone = "{ $value }" is not a known time zone; use a name like "America/Los_Angeles"
settings-not-a-language = "{ $value }" is not a language id; use one like "en", "es" or "vi"
