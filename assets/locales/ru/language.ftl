# The language itself. Copy this folder (assets/locales/en) to add a language, and translate
# every message; keep the message ids (left of "=") and the { $arguments } as they are.

# The language's name in its own words, as Home and Settings list it.
language-name = Русский
# Set to rtl for a language written right to left: the kiosk cannot draw those yet, and
# refuses the folder with one sentence instead of drawing it wrong.
language-direction = ltr
# Letters the on-screen keyboard adds to A–Z, separated by spaces, so a person can type
# their name as they write it.
# Russian: the whole Cyrillic alphabet, in the rows of a Russian keyboard (ЙЦУКЕН), with
# Ъ and Ё at the end of the last row.
keyboard-extra-letters = Й Ц У К Е Н Г Ш Щ З Х Ф Ы В А П Р О Л Д Ж Э Я Ч С М И Т Ь Б Ю Ъ Ё

# The headings in a script file (scripts/*.md): "# Opening" and "# Closing".
script-heading-opening = Начало
script-heading-closing = Завершение
