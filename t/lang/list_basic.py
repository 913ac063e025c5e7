# list construction, repr, len, indexing
print([])
print([1])
print([1, 2, 3])
print(list())
print(list((1, 2, 3)))
print(list(range(5)))
print(list("abc"))
print(list({1: 'a', 2: 'b'}))
print(list(x * x for x in range(6)))
a = [1, 'two', 3.0, None, True, (1,), [2]]
print(a, len(a))
print(a[0], a[1], a[-1], a[-7], a[6][0])
for i in (-8, 7, 100, -100):
    try:
        print(a[i])
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a['x']
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[10**30]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[-10**30]
except IndexError as e:
    print(type(e).__name__, e)
print(a[True], a[False])
b = [0] * 5
b[2] = 'x'
b[-1] = 'y'
print(b)
try:
    b[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    b[-6] = 1
except IndexError as e:
    print(type(e).__name__, e)
del b[0]
print(b)
del b[-1]
print(b)
try:
    del b[10]
except IndexError as e:
    print(type(e).__name__, e)
print(bool([]), bool([0]), len([[]]))
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
print(list.__hash__)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(x=1)
except TypeError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
c.__init__([7, 8])
print(c)
c.__init__()
print(c)
print([[1, 2], [3, [4, [5]]]])
print(type([]).__name__, isinstance([], list))
print([] == [], [] is not [], [1, 2] == [1, 2])
