-- N queens by backtracking, a table sort with a comparator, string.format and closures.
local function queens(n)
  local count, cols, d1, d2 = 0, {}, {}, {}
  local function place(row)
    if row > n then count = count + 1 return end
    for c = 1, n do
      if not cols[c] and not d1[row + c] and not d2[row - c + n] then
        cols[c], d1[row + c], d2[row - c + n] = true, true, true
        place(row + 1)
        cols[c], d1[row + c], d2[row - c + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return count
end
for n = 4, 8 do print(string.format("queens(%d) = %d", n, queens(n))) end
local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words, function(a, b) return #a > #b or (#a == #b and a < b) end)
print(table.concat(words, ","))
local function counter() local n = 0 return function() n = n + 1 return n end end
local c = counter(); c(); c()
print("counter", c(), 2^10, 7 // 2, 7 % 3, math.maxinteger)
