# del with slices: simple and extended, positive and negative steps
vals = [None, -7, -3, 0, 2, 5, 9]
steps = [None, 1, 2, 3, -1, -2, 4]
for st in steps:
    out = []
    for i in vals:
        for j in vals:
            a = list(range(7))
            del a[i:j:st]
            out.append(''.join(map(str, a)))
    print(st, ' '.join(out))
a = list(range(20))
del a[::2]
print(a)
del a[::-3]
print(a)
del a[:]
print(a)
a = [1]
del a[::10**30]
print(a)
try:
    del a[::0]
except ValueError as e:
    print(type(e).__name__, e)
