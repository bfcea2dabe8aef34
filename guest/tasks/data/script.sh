#!/bin/sh
# A shell script file run through its #! line: a pipeline, $(...), a function and a loop.
count() { wc -l | tr -d ' '; }
lines=$(printf 'one\ntwo\nthree\n' | count)
echo "lines: $lines"
for word in $(echo c b a | tr ' ' '\n' | sort); do
    printf '%s.' "$word"
done
echo
seq 1 10 | grep 1 | xargs echo ones:
exit 0
