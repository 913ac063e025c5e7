# slicing a range gives a range; compare with slicing the equivalent list
ranges = [range(10), range(1, 20, 3), range(20, 1, -4), range(0), range(-5, 5, 2)]
vals = [None, -12, -3, 0, 2, 5, 12]
steps = [None, 1, 2, -1, -3]
bad = 0
for r in ranges:
    lst = list(r)
    for i in vals:
        for j in vals:
            for k in steps:
                s = r[i:j:k]
                if list(s) != lst[i:j:k]:
                    bad += 1
                    print('mismatch', r, i, j, k, s)
print('mismatches', bad)
print(range(10)[2:8], range(10)[::-1], range(10)[::2], range(10)[8:2:-2], range(1, 20, 3)[1:-1])
print(range(10)[5:2], range(10)[100:], range(10)[-100:3], range(0, -10, -1)[::-2])
try:
    range(10)[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(10)['a':]
except TypeError as e:
    print(type(e).__name__, e)
print(range(10**20)[10**19:10**19 + 5], range(10**20)[::-10**19])
