divert(-1)
define(`greet', `Hello, $1!')
define(`forloop', `pushdef(`$1', `$2')_forloop($@)popdef(`$1')')
define(`_forloop', `$4`'ifelse($1, `$3', `', `define(`$1', incr($1))$0($@)')')
define(`upcase', `translit(`$1', `a-z', `A-Z')')
divert(0)dnl
greet(NAME)
forloop(`i', 1, 5, `i squared is eval(i * i)
')dnl
upcase(`quiet words') len(`abcdef') substr(`tinyrv', 4) index(`emulator', `lat')
ifdef(`NAME', `NAME is defined', `NAME is not defined')
format(`%5d|%-4s|', 42, `ab')
