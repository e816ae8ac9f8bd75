# Ang mali sa settings.toml: sa screen ng staff, sa pagsusuri, at sa terminal.
# Ang $key ay pangalan ng setting sa file (wrap_up_min, end): huwag isalin.

settings-file-running-on = May problema ang { $path }, kaya { $running ->
        [last-good] ang huling maayos na settings
       *[built-in] ang default na settings
    } ang gamit ng kiosk: { $why }
settings-file-problem = May problema ang { $path }: { $why }
settings-unreadable = hindi mabasa ({ $why })
settings-syntax-at-line = linya { $line }: { $why }
settings-problem-at-line = linya { $line }, { $key }: { $problem }
settings-problem-at-key = { $key }: { $problem }
settings-problem-separator = {"; "}
settings-quoted = "{ $value }"

settings-out-of-range = lampas sa puwede ang { $value }; gumamit ng { $min } hanggang { $max } { $unit ->
        [days] araw
        [percent] porsiyento
       *[minutes] minuto
    }
settings-not-a-text-size = hindi laki ng letra rito ang "{ $value }"; gumamit ng "normal", "large" o "largest"
settings-not-a-chime = hindi setting ng tunog ang "{ $value }"; gumamit ng "off", "wrap_up" o "wrap_up_and_end"
settings-not-a-script-name = ilagay ang pangalan ng script, gaya ng "drop-in" o "check-in"
settings-not-topics = ilagay ang pangalan ng kurso, gaya ng "eight-week", o listahan ng mga paksa
settings-no-group-name = bigyan ng pangalan ang grupo
settings-same-group-name = dalawang grupo ang may pangalang "{ $value }"; bigyan ng sariling pangalan ang bawat isa
settings-not-a-date = hindi petsa ang "{ $value }"; isulat nang ganito: 2026-10-06
settings-course-needs-topics = kailangan din ng kurso ang topics, gaya ng topics = "eight-week"
settings-course-needs-start = kailangan din ng kurso ang course_start, gaya ng course_start = "2026-10-06"
settings-no-such-group = walang grupong "{ $value }"; gamitin ang isa sa: { $groups }
settings-slot-needs-group = kailangan ng oras na ito ang group = "...", isa sa: { $groups }
settings-not-a-weekday = hindi araw ng linggo ang "{ $value }"; gumamit ng mon, tue, wed, thu, fri, sat o sun
settings-not-a-time = hindi oras ang "{ $value }"; gumamit ng HH:MM, gaya ng { $example }
settings-slot-ends-before = natatapos ang grupo sa { $day } nang { $end }, na hindi lampas sa simula nito nang { $start }
settings-slot-overlaps = nagsasapaw ang grupo sa { $day } nang { $start } at ang grupo sa { $day } nang { $other }
settings-unknown-zone = hindi kilalang time zone ang "{ $value }"; gumamit ng pangalang gaya ng "America/Los_Angeles"
settings-not-a-language = hindi language id ang "{ $value }"; gumamit ng gaya ng "en", "es" o "vi"
