# the list looks empty during sort; changing it raises ValueError
a = [3, 1, 2]
seen = []
def key(x):
    seen.append(len(a))
    return x
a.sort(key=key)
print(a, seen)
b = [3, 1, 2]
def grow(x):
    b.append(x)
    return x
try:
    b.sort(key=grow)
except ValueError as e:
    print(type(e).__name__, e)
print(b)
c = [3, 1, 2]
def clear(x):
    c.clear()
    return x
try:
    c.sort(key=clear)
except ValueError as e:
    print(type(e).__name__, e)
print(c)
d = [5, 4, 3, 2, 1]
def peek(x):
    try:
        return d[0]
    except IndexError as e:
        return (type(e).__name__, str(e))
d.sort(key=peek)
print(d)
e = [2, 1]
def fail_then(x):
    e.append(99)
    raise RuntimeError('stop')
try:
    e.sort(key=fail_then)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
print(e)
