# changing a dict while iterating over it
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d))
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {1: 1, 2: 2, 3: 3}
for k in d:
    d[k] = k * 10
print(d)
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {i: i for i in range(8)}
seen = []
try:
    for k in d:
        seen.append(k)
        del d[k]
        d[k + 100] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(seen, len(d))
for view in ('keys', 'values', 'items'):
    d = {1: 1, 2: 2}
    it = iter(getattr(d, view)())
    next(it)
    d[3] = 3
    try:
        next(it)
    except RuntimeError as e:
        print(view, type(e).__name__, e)
    try:
        next(it)
    except RuntimeError as e:
        print(view, 'again', type(e).__name__, e)
    except StopIteration:
        print(view, 'stop')
d = {1: 1, 2: 2}
it = reversed(d)
next(it)
d.pop(1)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1}
it = iter(d)
print(list(it), list(it))
d[2] = 2
print(list(it))
d = {1: 1, 2: 2}
it = iter(d.items())
d.clear()
try:
    print(list(it))
except RuntimeError as e:
    print(type(e).__name__, e)
