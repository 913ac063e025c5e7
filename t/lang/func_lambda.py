# lambda expressions: defaults, closures, varargs, nesting, as keys, attributes
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
print((lambda: "no args")(), (lambda *a, **k: (a, sorted(k)))(1, 2, x=3))
print((lambda a, /, b, *, c: (a, b, c))(1, b=2, c=3))
print(add.__name__, add.__qualname__, (lambda: 0).__name__)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words, key=lambda w: w.lower()), sorted(words, key=lambda w: (len(w), w)))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 3 == 0, range(20))))
table = {op: (lambda o: lambda a, b: eval(f"a {o} b"))(op) for op in "+-*"}
print([table[op](7, 3) for op in "+-*"])
fs = [lambda i=i: i * i for i in range(4)]
print([f() for f in fs])
fs2 = [lambda: i for i in range(4)]
print([f() for f in fs2])
print((lambda x: (lambda y: x + y))(10)(5))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(1), cond(0), cond(-1))
print((lambda: (yield))().__class__.__name__)
lam = lambda: None
lam.attr = 42
print(lam.attr, lam(), lam.__defaults__, add.__defaults__)
print((lambda *, k=3: k)(), (lambda **kw: kw)(a=1))
print((lambda x: [x for _ in range(2)])(7))
