# list iterators: forward, reversed, length hints, mutation while iterating
a = [1, 2, 3]
it = iter(a)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__(), list(it))
r = reversed(a)
print(type(r).__name__, r.__length_hint__(), list(r), r.__length_hint__())
print(list(reversed([])), list(reversed([1])))
# appending while iterating continues into the new items
b = [1, 2]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
# removing while iterating skips items
c = list(range(10))
for x in c:
    if x % 2 == 0:
        c.remove(x)
print(c)
# an exhausted iterator stays exhausted even after the list grows
d = [1]
it = iter(d)
print(list(it))
d.append(2)
print(list(it))
# reversed iterator with shrinking list
e = [1, 2, 3, 4]
r = reversed(e)
print(next(r))
del e[:]
print(list(r))
f = [1, 2, 3]
r = reversed(f)
next(r)
f.append(4)
print(list(r))
print(iter(a) is not iter(a), iter(it) is it)
x = [5, 6, 7]
it = iter(x)
next(it)
x[:] = [8]
print(list(it))
print(list(enumerate(iter([3, 4]))))
