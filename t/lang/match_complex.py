# Complex literals in patterns: real +/- imaginary, negative and pure imaginary.


def f(z):
    match z:
        case 0j:
            return "zero"
        case 1j:
            return "i"
        case -1j:
            return "minus i"
        case 1 + 2j:
            return "1+2j"
        case -1 - 2j:
            return "-1-2j"
        case 3.5 - 0.5j:
            return "3.5-0.5j"
        case _:
            return "other"


for z in [0j, 0, 1j, -1j, 1 + 2j, complex(-1, -2), 3.5 - 0.5j, 2j, 1]:
    print(repr(z), f(z))

match {1 + 2j: "a", 2j: "b"}:
    case {1 + 2j: a, 2j: b}:
        print(a, b)

match [1j, -2 + 1j]:
    case [1j | 2j, (-2 + 1j) as w]:
        print("sequence of complex", w)

try:
    compile("match x:\n case {1+2j: a, (1+2j): b}: pass\n", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    compile("match x:\n case {2j: a, 0+2j: b}: pass\n", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
