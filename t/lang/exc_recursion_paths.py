# Deep recursion through every kind of call path raises RecursionError, never a crash
import sys

def check(label, fn):
    try:
        fn()
        print(label, "no error")
    except RecursionError as e:
        print(label, "RecursionError:", str(e)[:32])

class R:
    def __repr__(self):
        return repr(self)
check("repr", lambda: repr(R()))

class S:
    def __str__(self):
        return str(self)
check("str", lambda: str(S()))

class E:
    def __eq__(self, other):
        return self == other
check("eq", lambda: E() == E())

class L:
    def __lt__(self, other):
        return self < other
check("lt", lambda: L() < L())

class A:
    def __getattr__(self, name):
        return getattr(self, name + "x")
check("getattr", lambda: A().foo)

class GA:
    def __getattribute__(self, name):
        return self.other
check("getattribute", lambda: GA().foo)

class H:
    def __hash__(self):
        return hash(self)
check("hash", lambda: hash(H()))

class Add:
    def __add__(self, other):
        return self + other
check("add", lambda: Add() + 1)

class Call:
    def __call__(self):
        return self()
check("call", lambda: Call()())

class Len:
    def __len__(self):
        return len(self)
check("len", lambda: len(Len()))

class GetItem:
    def __getitem__(self, i):
        return self[i]
check("getitem", lambda: GetItem()[0])

class Iter:
    def __iter__(self):
        return iter(self)
check("iter", lambda: iter(Iter()))

class Bool:
    def __bool__(self):
        return bool(self)
check("bool", lambda: bool(Bool()))

class Init:
    def __init__(self):
        Init()
check("init", lambda: Init())

class Prop:
    @property
    def p(self):
        return self.p
check("property", lambda: Prop().p)

def comp(n):
    return [comp(n + 1) for _ in range(1)]
check("listcomp", lambda: comp(0))

def dcomp(n):
    return {k: dcomp(n + 1) for k in "a"}
check("dictcomp", lambda: dcomp(0))

def gen(n):
    yield from gen(n + 1)
check("yield from", lambda: list(gen(0)))

def gen2(n):
    for x in gen2(n + 1):
        yield x
check("gen for", lambda: next(gen2(0)))

def genexp(n):
    return sum(genexp(n + 1) for _ in range(1))
check("genexp", lambda: genexp(0))

check("lambda", lambda: (f := lambda: f())())

def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
check("mutual", lambda: mutual_a(0))

nested = []
for _ in range(100000):
    nested = [nested]
check("nested repr", lambda: repr(nested))
d = {}
for _ in range(100000):
    d = {"k": d}
check("nested dict repr", lambda: str(d))
t = ()
for _ in range(100000):
    t = (t,)
check("nested tuple eq", lambda: t == t[0])
check("nested list eq", lambda: nested == [nested])

def sorted_key(n):
    return sorted([1, 2], key=lambda x: sorted_key(n + 1))
check("sorted key", lambda: sorted_key(0))
def mapped(n):
    return list(map(lambda x: mapped(n + 1), [1]))
check("map", lambda: mapped(0))

def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(100)
print(count(0) < 100)
sys.setrecursionlimit(1000)
print(50 < count(0) < 1000)
print("still alive")
