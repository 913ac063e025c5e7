# zip, including strict=
print(list(zip()), list(zip('ab')), list(zip('ab', [1, 2, 3])), list(zip('abc', range(2), (True,) * 5)))
print(dict(zip('abc', range(3))), list(zip(*[(1, 2), (3, 4), (5, 6)])))
z = zip([1, 2], 'xy')
print(type(z).__name__, iter(z) is z, next(z), list(z), list(z))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)), list(zip([], strict=True)))
cases = [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([1, 2], [3, 4], [5, 6, 7]), ([1], [2], [3], []), ([], [1])]
for args in cases:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
print(list(zip([1, 2], [3], strict=False)))
try:
    zip([1], foo=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1, [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], 2)
except TypeError as e:
    print(type(e).__name__, e)
# zip stops at the first exhausted iterator and does not pull from later ones
it = iter([10, 20, 30])
print(list(zip([1], it)), list(it))
it = iter([10, 20, 30])
print(list(zip(it, [1])), list(it))
def gen():
    yield 1
    raise ValueError('boom')
try:
    list(zip(gen(), gen()))
except ValueError as e:
    print(type(e).__name__, e)
class Z(zip):
    pass
print(list(Z('ab', 'cd')))
