# slice assignment: simple slices (resize) and extended slices (same size)
def show(start, stop, step, value):
    a = list(range(6))
    label = value if isinstance(value, (list, tuple, str, int, range)) else type(value).__name__
    try:
        a[start:stop:step] = value
        print(start, stop, step, label, '->', a)
    except (ValueError, TypeError) as e:
        print(start, stop, step, label, '->', type(e).__name__, e)

for start in [None, 0, 2, -2, 6, 10]:
    for stop in [None, 0, 3, -1, 10]:
        for value in [[], ['x'], ['x', 'y', 'z']]:
            show(start, stop, None, value)
for step in [2, -1, -2, 3]:
    for value in [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a'] * 6]:
        show(None, None, step, value)
        show(1, 5, step, value)
show(None, None, 1, 'ab')
show(1, 2, None, 5)
show(None, None, 2, 5)
show(1, 1, None, range(3))
show(None, None, -1, 'abcdef')
show(None, None, 1, (i for i in range(3)))
a = [1, 2, 3]
a[:] = a
print(a)
a[1:1] = a
print(a)
a[::-1] = a
print(a)
a[::2] = a[1::2] + [0] * (len(a[::2]) - len(a[1::2]))
print(a)
b = [1, 2, 3, 4]
b[1:3] = []
print(b)
b[len(b):] = [5, 6]
print(b)
b[:0] = [-1]
print(b)
c = list(range(10))
c[2:8:3] = ('p', 'q')
print(c)
c[8:2:-3] = ['r', 's']
print(c)
c[::1] = []
print(c)
