# map and filter
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [5, 2])), list(map(str, range(3))))
print(list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'efg')), list(map(len, [])))
m = map(str.upper, 'ab')
print(type(m).__name__, iter(m) is m, next(m), list(m), list(m))
for args in [(), (abs,)]:
    try:
        map(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    map(abs, [1], x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(abs, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print(type(e).__name__, e)
print(list(filter(None, [0, 1, '', 'a', [], [0], None, True, 0.0])), list(filter(bool, [0, 2])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, 'a1b2')))
f = filter(None, [0, 5])
print(type(f).__name__, iter(f) is f, next(f), list(f))
for args in [(), (None,), (None, [], [])]:
    try:
        filter(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    filter(None, [], x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    filter(None, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(filter(len, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(sum, filter(None, [[1, 2], [], [3]]))))
def gen():
    for i in range(5):
        yield i
print(list(map(lambda x: x * 2, filter(lambda x: x > 1, gen()))))
