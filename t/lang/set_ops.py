# set operators and their in-place forms
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a | set(), a & set(), a - set(), set() - a, a ^ set(), a ^ a, a - a, a & a, a | a)
for op in ('|', '&', '-', '^'):
    for other in ([1], 'x', 5, {1: 2}):
        try:
            if op == '|':
                a | other
            elif op == '&':
                a & other
            elif op == '-':
                a - other
            else:
                a ^ other
        except TypeError as e:
            print(type(e).__name__, e)
c = a
c |= {10}
print(a, c is a)
c &= {1, 2, 10, 99}
print(a)
c -= {1}
print(a)
c ^= {2, 77}
print(a, c is a)
try:
    c |= [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    c -= 1
except TypeError as e:
    print(type(e).__name__, e)
f = frozenset({1, 2})
g = f
g |= {3}
print(f, g, g is f, type(g).__name__)
print(f | {9}, {9} | f, type({9} | f).__name__, type(f & {1}).__name__, type({1} & f).__name__)
print(f - {1}, {1, 5} - f, f ^ {2, 8}, {2, 8} ^ f)
x = set(range(0, 30, 2))
y = set(range(0, 30, 3))
print(x & y, x | y, x - y, x ^ y)
print(set(range(100)) - set(range(3, 100)), set(range(200)) & {5, 150, 300})
print({1, 2} & {2.0}, {2.0} & {1, 2}, {1, 2} | {1.0}, {True} | {1, 2})
