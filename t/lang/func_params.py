# Positional, keyword, default, *args, **kwargs, keyword-only, positional-only
def full(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw

print(full(1, d=4))
print(full(1, 2, 3, 4, 5, d=6, f=7))
print(full(1, c=30, d=40, e=50, b=2))
print(full(*range(6), d=0))
print(full(1, **{"d": 1, "c": 2, "zz": 3}))

def kw_named_like_posonly(a, /, **kw):
    return a, kw
print(kw_named_like_posonly(1, a=2, b=3))

def only_star(*args):
    return args
print(only_star(), only_star(1), only_star(*[1, 2], 3, *(4,)))

def only_kw(**kw):
    return sorted(kw.items())
print(only_kw(), only_kw(x=1, y=2), only_kw(**{"a": 1}, b=2))

def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3), order(**{"b": 1, "a": 2}, c=3))

def mutate(lst=[], d={}):
    lst.append(len(lst))
    d[len(d)] = True
    return lst, d
print(mutate(), mutate(), mutate([9]))

n = 10
def late_default(x=n):
    return x
n = 20
print(late_default(), late_default.__defaults__)

def kwdefaults(*, a=1, b):
    return a, b
print(kwdefaults.__kwdefaults__, kwdefaults(b=2))
kwdefaults.__kwdefaults__ = {"a": 100}
try:
    print(kwdefaults(b=0))
except TypeError as e:
    print("TypeError", e)

def set_defaults(x, y):
    return x, y
set_defaults.__defaults__ = (7,)
print(set_defaults(1))

def code_info(a, b, /, c, *args, d, **kw):
    e = 1
    return e
co = code_info.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames[:7], co.co_name)

def keyword_args_dict(**kw):
    kw["added"] = 1
    return kw
src = {"x": 1}
print(keyword_args_dict(**src), src)

def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, 2, 3), f(c=3, b=2, a=1), f(1, c=3, b=2), f(*[1, 2], c=3), f(*(1,), **{"b": 2, "c": 3}))

def gen_args():
    yield 1
    yield 2
    yield 3
print(f(*gen_args()), f(*"123"))

class Mapping:
    def keys(self):
        return ["a", "b", "c"]
    def __getitem__(self, k):
        return ord(k) - ord("a")
print(f(**Mapping()))
