# The language itself. Copy this folder (assets/locales/en) to add a language, and translate
# every message; keep the message ids (left of "=") and the { $arguments } as they are.

# The language's name in its own words, as Home and Settings list it.
language-name = Tagalog
# Set to rtl for a language written right to left: the kiosk cannot draw those yet, and
# refuses the folder with one sentence instead of drawing it wrong.
language-direction = ltr
# Letters the on-screen keyboard adds to A–Z, separated by spaces, so a person can type
# their name as they write it.
# Tagalog: Ñ (as in Niño, Peña). Ng is typed as N then G.
keyboard-extra-letters = Ñ

# The headings in a script file (scripts/*.md): "# Opening" and "# Closing".
script-heading-opening = Pagbubukas
script-heading-closing = Pagsasara
