# tuple hashes follow CPython's algorithm exactly (for ints, floats, None-free data)
for t in [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, 2, 3), ((),), ((1,), (2,)),
          (2**61, -2**61), (10**30,), (1.5, -0.5), (True, False), (0, 0.0), (-2,), (-1, -1)]:
    print(t, hash(t))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) == hash((True, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
t = (1, 2)
print(hash(t) == hash(t), hash(t) == hash((1, 2)))
print({(1, 2): 'a', (2, 1): 'b'}[(1, 2)])
print({(i, j) for i in range(3) for j in range(3)})
print({(i, -i) for i in range(10)})
print(set([(1, 2), (3, 4), (5, 6), (0, 0), (-1, -1)]))
print({((1, 2), 3), ((3, 4), 5), (1, (2, 3))})
