# star-unpacking in assignments, for targets and calls; the unpacking errors
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(5)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, *k), l = [1, 2, 3], 4
print(j, k, l)
[m, [n, *o]] = [1, [2, 3, 4]]
print(m, n, o)
for first, *rest in [(1, 2, 3), "ab", [9]]:
    print(first, rest)
p, q = q, p = 1, 2
print(p, q)
s = t = [1, 2]
x1, x2 = s
print(x1, x2, s is t)
d = {"a": 1, "b": 2}
k1, k2 = d
print(k1, k2, *d.values())
def gen():
    yield from range(3)
u, v, w = gen()
print(u, v, w)
print(*[1, 2], *(3,), *"45", *{6: 0}, sep=",")
print([*range(3), *[], *"ab"], (*"cd",), {*(1, 1, 2)}, {**{"x": 1}, **{"y": 2, "x": 3}})
def takes(*args, **kw):
    return args, kw
print(takes(*[1, 2], 3, *(4,), a=1, **{"b": 2}, **{"c": 3}))
for bad in ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5", "*a, = 5",
            "a, b = {'x': 1}", "(a, b), c = [1, 2], 3", "a, *b = iter([])", "a, b, c, d = 'ab'"]:
    try:
        exec(bad, {})
    except Exception as ex:
        print(bad, "->", type(ex).__name__, ex)
for bad in ["*a, *b = [1, 2]", "*a = [1]", "a, *b, *c = 1, 2, 3", "print(*)"]:
    try:
        compile(bad, "<t>", "exec")
    except SyntaxError as ex:
        print(bad, "-> SyntaxError:", ex.msg)
class Three:
    def __iter__(self):
        return iter([1, 2, 3])
one, *two = Three()
print(one, two)
big = list(range(1000))
head, *middle, tail = big
print(head, len(middle), tail)
