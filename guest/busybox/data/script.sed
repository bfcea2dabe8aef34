/^$/d
s/[aeiou]/<&>/2
2,3y/abc/ABC/
$a\
appended by sed
