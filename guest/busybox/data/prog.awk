BEGIN { FS = ":" }
NR == 1 { next }
{ total[$2] += $3; count[$2]++; if ($3 > max) { max = $3; who = $1 } }
END {
    n = 0
    for (d in total) keys[++n] = d
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (keys[j] < keys[i]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
    for (i = 1; i <= n; i++) printf "%-6s %2d %10.2f\n", keys[i], count[keys[i]], total[keys[i]] / count[keys[i]]
    printf "max %s %d\n", who, max
}
