# set comparisons: subset / superset / equality, sets vs frozensets vs others
a, b, c = {1, 2}, {1, 2, 3}, {4}
for x, y in [(a, b), (b, a), (a, a), (a, c), (set(), a), (a, frozenset(a))]:
    print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
print({1} == [1], {1} != [1], set() == frozenset(), frozenset() == set())
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} >= (1,)
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} == {2.0, 1.0}, {float('nan')} == {float('nan')})
nan = float('nan')
print({nan} == {nan}, {nan} <= {nan, 1})
print(frozenset({1}) < frozenset({1, 2}), frozenset({1, 2}) > {1}, {1} < frozenset({1, 2}))
print(sorted([{3}, {1}, {2}], key=min), max([{1}, {1, 2}], key=len))
