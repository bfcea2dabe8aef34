-- Tables, closures, coroutines, string patterns and number formatting.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter(); c(); c()
print("counter", c())
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local out = {}
for _ = 1, 15 do out[#out + 1] = fib() end
print(table.concat(out, " "))
local words = {}
for word in io.lines("guest/busybox/data/words.txt") do words[#words + 1] = word end
table.sort(words)
print(#words, words[1], words[#words])
print(string.format("%5.2f|%-6s|%x|%q", math.pi, "ab", 255, "q\n"))
print(("hello world from lua"):gsub("(%w+)", "<%1>"))
print(math.maxinteger, math.mininteger, 7 // 2, 7 % -3, 2 ^ 0.5)
local ok, err = pcall(error, {code = 42})
print(ok, err.code)
os.exit(3)
