# set operations on keys and items views (results are sets of ints/tuples)
d = {1: 'a', 2: 'b', 3: 'c'}
e = {2: 'b', 3: 'x', 4: 'd'}
k, ek = d.keys(), e.keys()
print(k & ek, k | ek, k - ek, k ^ ek)
print(k & {1, 9}, k | [7], k - [1, 2], k ^ (3, 8))
print({1, 9} & k, [7] | k, [1, 2, 5] - k, (3, 8) ^ k, {5} - k)
i, ei = d.items(), e.items()
print(sorted(i & ei), sorted(i | ei), sorted(i - ei), sorted(i ^ ei))
print(sorted(i - {(1, 'a')}), sorted({(1, 'a'), (9, 'z')} - i))
print(sorted({1: 1, 2: 2}.items() ^ {1: 1, 2: 3}.items()))
print(k.isdisjoint([4, 5]), k.isdisjoint({3}), i.isdisjoint(ei), i.isdisjoint({(4, 'd')}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(k == {1, 2, 3}, k != {1, 2, 3}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {1, 2, 3, 4})
print(k == ek, k < ek, {1, 2, 3} == k, {1, 2} < k, k == [1, 2, 3], i == {(1, 'a'), (2, 'b'), (3, 'c')})
print(d.keys() == {1: 0, 2: 0, 3: 0}.keys(), d.items() == dict(d).items(), d.values() == d.values())
try:
    k < [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    k & 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.values() & {1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    i | {[]: 1}.keys() if False else i | [[1]]
except TypeError as e:
    print(type(e).__name__, e)
r = k & ek
print(type(r).__name__, type(k | ek).__name__, type(i - ei).__name__)
big = dict.fromkeys(range(20))
print(big.keys() & range(5, 25, 3), big.keys() - range(3, 20))
