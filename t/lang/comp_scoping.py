# Comprehension scoping (3.11): own scope; the first iterable is evaluated in the
# enclosing scope; the loop variable does not leak; class bodies are skipped.
x = "global x"
result = [x for x in range(3)]
print(result, x)
y = 10
print([y * i for i in range(3)])
class C:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        broken = [v * factor for v in values for factor in [factor_name]]
    except NameError as e:
        err = str(e)
    factor_name = 2
    try:
        uses_class_var = [values for _ in range(1)]
    except NameError as e:
        err2 = str(e)
print(C.doubled, C.err, C.err2)
def outer():
    n = 3
    return [[i * n for i in range(j)] for j in range(n)]
print(outer())
print({k: v for k, v in zip("abc", range(3))}, {c for c in "hello"} == set("hello"))
matrix = [[1, 2], [3, 4], [5, 6]]
print([v for row in matrix for v in row if v % 2], [[r[i] for r in matrix] for i in range(2)])
print([(a, b) for a in range(3) for b in range(a)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print([z := i * 2 for i in range(3)], z)
def walrus():
    [last := v for v in "xyz"]
    return last
print(walrus())
try:
    exec("[i for i in range(3) if (i := 5)]")
except SyntaxError as e:
    print("SyntaxError", e.msg)
gen = (a * b for a in range(3) for b in range(2))
print(list(gen))
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
try:
    [v for v in undefined_iter]
except NameError as e:
    print(e)
def first_iter_evaluated_eagerly():
    log = []
    def src():
        log.append("src called")
        return [1, 2]
    g = (v for v in src())
    log.append("generator made")
    list(g)
    return log
print(first_iter_evaluated_eagerly())
print([[j for j in range(i)] for i in range(4)][-1])
nested = {i: {j: i * j for j in range(2)} for i in range(2)}
print(nested)
