# The language itself. Copy this folder (assets/locales/en) to add a language, and translate
# every message; keep the message ids (left of "=") and the { $arguments } as they are.

# The language's name in its own words, as Home and Settings list it.
language-name = Русский
# Set to rtl for a language written right to left: the kiosk cannot draw those yet, and
# refuses the folder with one sentence instead of drawing it wrong.
language-direction = ltr
# Letters the on-screen keyboard adds to A–Z, separated by spaces, so a person can type
# their name as they write it.
# Russian: the whole Cyrillic alphabet. Ё comes first (the keyboard puts the first extra
# letter at the end of the A–L row); the rest follow in alphabetical order, ten to a row,
# which is easier to find than ЙЦУКЕН cut into rows of ten.
keyboard-extra-letters = Ё А Б В Г Д Е Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я

# The headings in a script file (scripts/*.md): "# Opening" and "# Closing".
script-heading-opening = Начало
script-heading-closing = Завершение
