# | and |= on dicts
a = {1: 'a', 2: 'b'}
b = {2: 'B', 3: 'C'}
print(a | b, b | a, a | {}, {} | a, a)
c = a
c |= b
print(c, a, c is a)
c |= [(4, 'd')]
c |= {5: 'e'}.items()
print(c)
try:
    a | [(1, 2)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [(1, 2)] | a
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= [1]
except TypeError as e:
    print(type(e).__name__, e)
print({**a, **b}, {**b, 'x': 1})
print(type(a | b).__name__, a.__or__(b), a.__or__([1]), a.__ror__(b))
