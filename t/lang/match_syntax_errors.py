# Compile-time errors in match statements: message and position, via compile().

sources = [
    "match x:\n case _: pass\n case 1: pass\n",
    "match x:\n case y: pass\n case 1: pass\n",
    "match x:\n case (y as z): pass\n case 1: pass\n",
    "match x:\n case y | 1: pass\n case _: pass\n",
    "match x:\n case (1 | _ | 2): pass\n",
    "match x:\n case [a, a]: pass\n",
    "match x:\n case [a, (a as b)]: pass\n",
    "match x:\n case {'k': a, **a}: pass\n",
    "match x:\n case C(a, b=a): pass\n",
    "match x:\n case 1 | y: pass\n",
    "match x:\n case [a] | [b]: pass\n",
    "match x:\n case [a, b] | [a]: pass\n",
    "match x:\n case (a, 1) | (1, a) | (b, 2): pass\n",
    "match x:\n case [a, *b] | [*a, c]: pass\n",
    "match x:\n case {1: a, 1: b}: pass\n",
    "match x:\n case {1: a, True: b}: pass\n",
    "match x:\n case {1.0: a, 1: b}: pass\n",
    "match x:\n case {-0: a, 0: b}: pass\n",
    "match x:\n case {'a': 1, 'b': 2, 'a': 3}: pass\n",
    "match x:\n case {None: 1, None: 2}: pass\n",
    "match x:\n case C(a=1, a=2): pass\n",
    "match x:\n case C(a=1, b=2, a=3): pass\n",
    "match x:\n case [*a, *b]: pass\n",
    "match x:\n case [*_, 1, *_]: pass\n",
    "match x:\n case __debug__: pass\n",
    "match x:\n case C(__debug__=1): pass\n",
    "match x:\n case [__debug__]: pass\n",
    "match x:\n case {**__debug__}: pass\n",
    "match x:\n case _ if x: pass\n case 1: pass\n case _: pass\n",
    "match x:\n case 1:\n  pass\n case [a, [b, a]]:\n  pass\n",
    "def f():\n    match x:\n        case a:\n            pass\n        case b:\n            pass\n",
    "match x:\n case ((a | b) | c): pass\n",
    "match x:\n case (a | [b]) as c: pass\n",
    "match x:\n case {'x': 1} | {'y': y}: pass\n",
    "match x:\n case {**r} | {'k': r}: pass\n",
    "match x:\n case 1 | 2 as a | b: pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(f"{e.msg} | line {e.lineno} col {e.offset}-{e.end_offset}")

# the same names in the same order may be bound by all alternatives
for src in [
    "match x:\n case (a, b) | [b, a]: pass\n",
    "match x:\n case _ if x: pass\n case y: pass\n",
    "match x:\n case a if a: pass\n case a: pass\n",
    "match x:\n case [1, *_] | [*_, 1]: pass\n",
    "match x:\n case {1: a, 2: b}: pass\n",
    "match x:\n case {'1': a, 1: b, b'1': c}: pass\n",
]:
    compile(src, "<match>", "exec")
    print("ok:", repr(src))
