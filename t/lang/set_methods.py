# set methods
s = {1, 2}
s.add(3)
s.add(2)
print(s)
s.discard(2)
s.discard(99)
print(s)
s.remove(1)
print(s)
try:
    s.remove(1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.remove((1, 2))
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    s.add([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.discard([])
except TypeError as e:
    print(type(e).__name__, e)
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
p = set(range(10))
print([p.pop() for _ in range(4)], p)
q = {5, 6}
c = q.copy()
c.add(7)
print(q, c)
q.clear()
print(q, len(q))
u = {1, 2}
print(u.union(), u.union([3], (4,), {5: 0}), u.union(u), u)
print(u.intersection(), u.intersection([2, 3]), u.intersection({1, 2}, [1]), u.intersection(range(10), 'ab'))
print(u.difference(), u.difference([1]), u.difference([9], (2,)), u.difference({1: 0}))
print(u.symmetric_difference([2, 3]), u.symmetric_difference({1: 0, 7: 0}))
v = {1, 2, 3}
v.update([4], {5}, range(6, 8))
print(v)
v.intersection_update(range(2, 10), [2, 3, 4, 5, 6, 99])
print(v)
v.difference_update([2], {3})
print(v)
v.symmetric_difference_update([4, 10])
print(v)
v.symmetric_difference_update(v)
print(v)
print(v.update(), v.intersection_update(), v)
w = {1, 2, 3}
print(w.issubset([1, 2, 3, 4]), w.issubset({1, 2}), w.issuperset([1]), w.issuperset(range(5)))
print(w.isdisjoint([4, 5]), w.isdisjoint((3,)), w.isdisjoint(set()), set().isdisjoint(set()), w.isdisjoint(w))
for name in ('union', 'intersection', 'difference', 'update'):
    try:
        getattr(w, name)(5)
    except TypeError as e:
        print(name, type(e).__name__, e)
try:
    w.issubset(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    w.add()
except TypeError as e:
    print(type(e).__name__, e)
z = {frozenset({1, 2}), 3}
print({1, 2} in z, z.__contains__({1, 2}))
z.discard({1, 2})
print(z)
z.add(frozenset({9}))
z.remove({9})
print(z)
try:
    z.remove({8})
except KeyError as e:
    print(type(e).__name__, e)
