# a set changed during iteration raises RuntimeError; iterators' length hints
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(9)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(it)
except RuntimeError as e:
    print('again', type(e).__name__, e)
print(it.__length_hint__())
s = {1, 2, 3}
it = iter(s)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
s = {1, 2, 3}
it = iter(s)
s.discard(1)
s.add(1)
print(list(it))
f = frozenset(range(5))
print(list(iter(f)), sum(f), max(f), sorted(f, reverse=True))
s = set(range(5))
for x in list(s):
    s.discard(x)
print(s)
