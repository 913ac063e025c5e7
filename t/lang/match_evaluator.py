# An expression evaluator and simplifier over a small class hierarchy.


class Expr:
    pass


class Num(Expr):
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return repr(self.value)


class Var(Expr):
    __match_args__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


class BinOp(Expr):
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def __repr__(self):
        return f"({self.left!r} {self.op} {self.right!r})"


class Neg(Expr):
    __match_args__ = ("operand",)

    def __init__(self, operand):
        self.operand = operand

    def __repr__(self):
        return f"-{self.operand!r}"


def evaluate(e, env):
    match e:
        case Num(v):
            return v
        case Var(name):
            return env[name]
        case Neg(x):
            return -evaluate(x, env)
        case BinOp("+", l, r):
            return evaluate(l, env) + evaluate(r, env)
        case BinOp("-", l, r):
            return evaluate(l, env) - evaluate(r, env)
        case BinOp("*", l, r):
            return evaluate(l, env) * evaluate(r, env)
        case BinOp("/", l, r):
            return evaluate(l, env) / evaluate(r, env)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op}")
        case _:
            raise TypeError(f"not an expression: {e!r}")


def simplify(e):
    match e:
        case BinOp(op, l, r):
            l, r = simplify(l), simplify(r)
            match (op, l, r):
                case ("+", Num(0), x) | ("+", x, Num(0)):
                    return x
                case ("*", Num(1), x) | ("*", x, Num(1)):
                    return x
                case ("*", Num(0), _) | ("*", _, Num(0)):
                    return Num(0)
                case ("-", x, y) if repr(x) == repr(y):
                    return Num(0)
                case (_, Num(a), Num(b)):
                    return Num(evaluate(BinOp(op, Num(a), Num(b)), {}))
                case _:
                    return BinOp(op, l, r)
        case Neg(Neg(x)):
            return simplify(x)
        case Neg(Num(v)):
            return Num(-v)
        case Neg(x):
            return Neg(simplify(x))
        case _:
            return e


x, y = Var("x"), Var("y")
exprs = [
    BinOp("+", Num(1), Num(2)),
    BinOp("*", BinOp("+", x, Num(0)), Num(1)),
    BinOp("-", BinOp("*", x, y), BinOp("*", x, y)),
    Neg(Neg(BinOp("+", x, BinOp("*", Num(2), Num(3))))),
    BinOp("/", BinOp("*", Num(0), y), Num(4)),
    Neg(Num(5)),
    BinOp("+", BinOp("*", Num(3), x), Neg(y)),
]
env = {"x": 10, "y": 4}
for e in exprs:
    s = simplify(e)
    print(f"{e!r:36} => {s!r:16} = {evaluate(e, env)} / {evaluate(s, env)}")

for bad in [BinOp("%", Num(1), Num(2)), "text"]:
    try:
        evaluate(bad, env)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)


# a tokenizer + parser using match on tuples
def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        match text[i]:
            case " ":
                i += 1
            case "+" | "-" | "*" | "/" | "(" | ")" as op:
                tokens.append(("op", op))
                i += 1
            case c if c.isdigit():
                j = i
                while j < len(text) and text[j].isdigit():
                    j += 1
                tokens.append(("num", int(text[i:j])))
                i = j
            case c if c.isalpha():
                tokens.append(("name", c))
                i += 1
            case c:
                raise SyntaxError(f"bad character {c!r}")
    return tokens


def parse(tokens):
    def expr(pos):
        left, pos = term(pos)
        while True:
            match tokens[pos:pos + 1]:
                case [("op", "+" | "-" as op)]:
                    right, pos = term(pos + 1)
                    left = BinOp(op, left, right)
                case _:
                    return left, pos

    def term(pos):
        left, pos = atom(pos)
        while True:
            match tokens[pos:pos + 1]:
                case [("op", "*" | "/" as op)]:
                    right, pos = atom(pos + 1)
                    left = BinOp(op, left, right)
                case _:
                    return left, pos

    def atom(pos):
        match tokens[pos]:
            case ("num", n):
                return Num(n), pos + 1
            case ("name", n):
                return Var(n), pos + 1
            case ("op", "-"):
                inner, pos = atom(pos + 1)
                return Neg(inner), pos
            case ("op", "("):
                inner, pos = expr(pos + 1)
                match tokens[pos]:
                    case ("op", ")"):
                        return inner, pos + 1
                raise SyntaxError("expected )")

    tree, _ = expr(0)
    return tree


for src in ["1 + 2 * 3", "(x + 0) * 1", "-(-(y)) - 4 / 2", "2 * (x + y) * 0 + 7"]:
    tree = parse(tokenize(src))
    print(src, "->", repr(tree), "->", repr(simplify(tree)), "=", evaluate(tree, env))
