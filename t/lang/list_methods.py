# every list method, with their errors
a = []
a.append(1)
a.append([2])
a.append(a[1])
print(a)
a.extend([3, 4])
a.extend((5,))
a.extend(range(6, 8))
a.extend("ab")
a.extend({9: 0})
a.extend(x for x in [10, 11])
print(a)
b = [1, 2]
b.extend(b)
print(b)
b += b
print(b)
try:
    b.extend(5)
except TypeError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
c.insert(0, 'a')
c.insert(2, 'b')
c.insert(100, 'end')
c.insert(-1, 'before-end')
c.insert(-100, 'start')
print(c)
try:
    c.insert(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.insert('x', 1)
except TypeError as e:
    print(type(e).__name__, e)
d = [3, 1, 4, 1, 5, 9, 2, 6]
d.remove(1)
print(d)
d.remove(1)
print(d)
try:
    d.remove(1)
except ValueError as e:
    print(type(e).__name__, e)
print(d.pop(), d)
print(d.pop(0), d)
print(d.pop(-2), d)
print(d.pop(1), d)
try:
    d.pop(10)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    d.pop(10**30)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    d.pop(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
e = list(range(10)) + list(range(5))
print(e.index(3), e.index(3, 4), e.index(3, -5), e.index(0, 1, 11))
for args in [(20,), (3, 4, 8), (9, -3), (0, 100, 5)]:
    try:
        print(e.index(*args))
    except ValueError as ex:
        print(type(ex).__name__, ex)
try:
    e.index(1, 'a')
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.index()
except TypeError as ex:
    print(type(ex).__name__, ex)
print(e.index('x' if False else 4, 0, 10**30), e.index(2, -10**30))
print(e.count(3), e.count(10), e.count(1.0), [[1], [1]].count([1]))
e.reverse()
print(e)
f = e.copy()
f.append('new')
print(len(e), len(f), f is e, f == e + ['new'])
f.clear()
print(f, len(f))
g = [1, 2]
g.clear()
g.append(3)
print(g)
print([1, 'a', 2.5].count('a'), ['x'].index('x'))
h = [1, 2, 3]
print(h.append(4), h.extend([]), h.insert(0, 0), h.reverse(), h.clear(), h)
print(list.append, [].append.__name__)
