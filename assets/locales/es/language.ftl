# El idioma mismo.

# El nombre del idioma en su propia lengua, como lo muestran el inicio y los ajustes.
language-name = Español
language-direction = ltr
# Letras que el teclado de la pantalla añade a la A–Z, separadas por espacios.
keyboard-extra-letters = Ñ Á É Í Ó Ú Ü

# Los títulos de un archivo de guion (scripts/*.md): "# Apertura" y "# Cierre".
script-heading-opening = Apertura
script-heading-closing = Cierre
