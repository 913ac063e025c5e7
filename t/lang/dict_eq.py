# dict equality and the lack of ordering
print({} == {}, {1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 2}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({1: 2} != {1: 2}, {1: [1]} == {1: [1]}, {1: 1} == {1: 1.0}, {1: 1} == {1.0: True})
print({} == [], {1: 2} == [(1, 2)], {1: 2} != {1: 2, 3: 4})
nan = float('nan')
print({1: nan} == {1: nan})
x = [nan]
print({1: x[0]} == {1: x[0]})
for f in (lambda: {} < {}, lambda: {} <= {}, lambda: {} > {1: 2}, lambda: {} >= [], lambda: [] < {}):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
a = {}
a['self'] = a
b = {}
b['self'] = b
print(a == a)
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__)
