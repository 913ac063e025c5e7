# slice.indices against lengths, including big ints and negative steps
vals = [None, -10**20, -11, -10, -3, -1, 0, 1, 3, 9, 10, 11, 10**20]
steps = [None, 1, 2, 3, -1, -2, -3, 10**20, -10**20]
for length in (0, 1, 10):
    for st in steps:
        row = []
        for a in vals:
            for b in vals:
                row.append(slice(a, b, st).indices(length))
        print(length, st, row)
print(slice(None).indices(10**30), slice(-5, None, -1).indices(10**30))
for bad in [slice(0, 1, 0), slice('a'), slice(1, 2.0), slice(None, None, 1.5)]:
    try:
        bad.indices(5)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1).indices('a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice(1).indices()
except TypeError as e:
    print(type(e).__name__, e)
print(slice(True, False).indices(True))
