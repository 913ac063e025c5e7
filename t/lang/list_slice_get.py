# a table of slices read from a list, against all start/stop/step combinations
a = list(range(8))
vals = [None, -10, -8, -3, -1, 0, 1, 3, 7, 8, 10]
steps = [None, 1, 2, 3, -1, -2, -3, 10, -10]
n = 0
for st in steps:
    rows = []
    for i in vals:
        for j in vals:
            rows.append(a[i:j:st])
            n += 1
    print(st, rows)
print(n)
print(a[:], a[::], a[::-1], a[1:-1], a[-1:1:-1])
print(a[10**30:], a[:10**30], a[-10**30:], a[::10**30], a[::-10**30])
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a['a':]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[:1.5]
except TypeError as e:
    print(type(e).__name__, e)
print(a[True:], a[:False], a[slice(2, 6, 2)], a[slice(None)])
b = a[2:5]
b[0] = 'changed'
print(a, b)
print([][::-1], [1][::-1], [1, 2][5:], [1, 2][-5:])
