# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(1, 2), slice(None, None, None), slice('a', [1], None))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1, 2) != slice(1, 2, 1))
print(slice(1) <= slice(1), slice(2) > slice(1), slice(None) == slice(None, None))
try:
    slice(1) < slice('a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(slice(1))
except TypeError as e:
    print(type(e).__name__, e)
for args in [(), (1, 2, 3, 4)]:
    try:
        slice(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    slice(1, stop=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.start = 3
except AttributeError as e:
    print(type(e).__name__)
print([0, 1, 2, 3, 4, 5][slice(1, None, 2)], 'abcdef'[slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
print(s.__reduce__(), type(s).__name__)
try:
    class S(slice):
        pass
except TypeError as e:
    print(type(e).__name__, e)
