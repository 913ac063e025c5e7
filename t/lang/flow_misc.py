x = 5
assert x == 5, "never"
try:
    assert x > 10, f"x is {x}"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("empty", e.args)
a = [1, 2, 3, 4]
del a[1]
print(a)
del a[:2]
print(a)
b = {"x": 1, "y": 2}
del b["x"]
print(b)
c = 10
del c
try:
    c
except NameError as e:
    print("NameError:", e)
n = None
print(n is None, n is not None, type(n).__name__)
val = 3
print("big" if val > 2 else "small", "neg" if val < 0 else "pos" if val > 0 else "zero")
print(1 < val < 5, 1 < val > 5, val == 3 == 3.0)
data = [3, 1, 2]
while data:
    print(data.pop())
if not data and len(data) == 0:
    print("empty now")
i = 0
while True:
    i += 1
    if i > 3:
        break
print(i)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix])
print(sum(1 for _ in range(10) if _ % 3 == 0))
x = y = z = "same"
print(x, y, z, x is y)
(p, q), r = [1, 2], 3
p, q = q, p
print(p, q, r)
print(*[1, 2], *"ab", sep="|")
first, *middle, last = range(10)
print(first, middle, last)
print([*range(3), *"xy"], (*[1], 2), {*"aab"} == {"a", "b"}, {**{"a": 1}, "b": 2})
