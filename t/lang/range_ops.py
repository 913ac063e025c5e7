# membership, count, index, equality and hashing of ranges
r = range(0, 20, 3)
print(0 in r, 3 in r, 4 in r, 18 in r, 21 in r, -3 in r, True in range(2), False in range(1, 2))
print(3.0 in r, 4.0 in r, 'a' in r, None in r)
print(r.count(3), r.count(4), r.count(3.0), r.count('x'))
print(r.index(0), r.index(18), r.index(9.0))
for x in (4, 100, 'a', 4.0):
    try:
        r.index(x)
    except ValueError as e:
        print(type(e).__name__, e)
n = range(10, -10, -4)
print(list(n), 10 in n, -6 in n, -10 in n, 6 in n, n.index(-6), n.count(2))
print(range(0) == range(0), range(0) == range(5, 1), range(1, 2, 5) == range(1, 3, 7), range(3) == range(0, 3, 1))
print(range(0, 10, 2) == range(0, 9, 2), range(0, 10, 2) == range(0, 10, 3), range(3) == [0, 1, 2], range(3) != range(3))
print(hash(range(0)) == hash(range(5, 2)), hash(range(1, 2, 5)) == hash(range(1, 3, 7)), hash(range(3)) == hash(range(0, 3)))
print(hash(range(1, 10, 2)), hash(range(10)), hash(range(2, 3)) == hash(range(2, 9, 5)))
print({range(3): 'a'}[range(0, 3)], len({range(0), range(1, 1), range(5, 2)}))
try:
    range(3) < range(4)
except TypeError as e:
    print(type(e).__name__, e)
print(range(5).__contains__(4), range(5).__len__(), range(5).__getitem__(-1))
