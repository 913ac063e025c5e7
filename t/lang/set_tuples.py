# sets of tuples and frozensets: order follows CPython's tuple/frozenset hashes
print({(1, 2), (3, 4), (5, 6)})
print({(i, i + 1) for i in range(10)})
print({(i, j) for i in range(4) for j in range(3)})
print({(0,), (0, 0), (0, 0, 0), ()})
print({((1, 2), (3,)), ((), ()), (-1, -2)})
print({frozenset(), frozenset({1}), frozenset({1, 2}), frozenset({2, 3}), frozenset(range(5))})
print({frozenset({(1, 2)}), frozenset({1, (2,)})})
s = {(i % 5, i // 5) for i in range(25)}
s -= {(0, 0), (4, 4)}
print(s)
print(sorted(s)[:5], (2, 3) in s, (9, 9) in s)
d = {(i, -i): i for i in range(5)}
print(set(d), set(d.items()))
