# assignment expressions (:=) in conditions, loops, comprehensions and calls
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v, end="; ")
print()
print([y for x in data if (y := x * 2) > 6], y)
print([last := x for x in range(4)], last)
print({k: (sq := k * k) for k in range(3)}, sq)
print(any((hit := x) > 5 for x in data), hit)
print(all((chk := x) < 5 for x in data), chk)
def f(a, b=(dflt := 10)):
    return a + b
print(f(1), dflt)
print((z := 5) + z, z)
print(max(data, key=lambda q: (r := -q)), "r" in globals())
def scope():
    [inner := i for i in range(3)]
    return inner
print(scope())
def nonlocal_walrus():
    total = 0
    def add(x):
        nonlocal total
        return (total := total + x)
    add(1)
    add(2)
    return total
print(nonlocal_walrus())
lines = ["a", "bb", "", "ccc"]
i = 0
while (line := lines[i]):
    print(line)
    i += 1
print((a := 1, b := 2), a, b)
x = [1, 2, 3]
print(x[(idx := 1)], idx, f"{(w := 'fmt')}", w)
match_val = 7
print("big" if (half := match_val / 2) > 3 else "small", half)
for bad in ["(a.b := 1)", "(x[0] := 1)", "[i := 0 for i in range(3)]", "def g():\n    x := 1"]:
    try:
        compile(bad, "<t>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
