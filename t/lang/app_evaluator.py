# An arithmetic expression tokenizer (generator), recursive-descent parser
# building node classes, and an evaluator with variables and errors.
import sys

def tokens(text):
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            yield ("num", float(text[i:j]) if "." in text[i:j] else int(text[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield ("name", text[i:j])
            i = j
        elif c in "+-*/()^=":
            yield ("op", c)
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    yield ("end", None)

class Node:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"

class Num(Node):
    def __init__(self, value):
        self.value = value
    def eval(self, env):
        return self.value

class Var(Node):
    def __init__(self, name):
        self.name = name
    def eval(self, env):
        try:
            return env[self.name]
        except KeyError:
            raise NameError(f"undefined variable {self.name}") from None

class BinOp(Node):
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a / b, "^": lambda a, b: a ** b}
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
    def eval(self, env):
        return self.ops[self.op](self.left.eval(env), self.right.eval(env))

class Neg(Node):
    def __init__(self, operand):
        self.operand = operand
    def eval(self, env):
        return -self.operand.eval(env)

class Parser:
    def __init__(self, text):
        self.toks = tokens(text)
        self.advance()
    def advance(self):
        self.kind, self.value = next(self.toks)
    def expect(self, kind, value=None):
        if self.kind != kind or (value is not None and self.value != value):
            raise SyntaxError(f"expected {value or kind}, got {self.value!r}")
        v = self.value
        self.advance()
        return v
    def expr(self):
        node = self.term()
        while self.kind == "op" and self.value in "+-":
            op = self.value
            self.advance()
            node = BinOp(op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.kind == "op" and self.value in "*/":
            op = self.value
            self.advance()
            node = BinOp(op, node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.kind == "op" and self.value == "^":
            self.advance()
            return BinOp("^", base, self.factor())
        return base
    def unary(self):
        if self.kind == "op" and self.value == "-":
            self.advance()
            return Neg(self.unary())
        if self.kind == "num":
            return Num(self.expect("num"))
        if self.kind == "name":
            return Var(self.expect("name"))
        self.expect("op", "(")
        node = self.expr()
        self.expect("op", ")")
        return node

env = {"x": 3, "pi": 3.14159}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "x / 4 + pi",
            "10 / (x - 3)", "y + 1", "1 + ", "3 $ 4", "2 * (3 + 4"]:
    try:
        tree = Parser(src).expr()
        print(f"{src!r:14} -> {tree.eval(env)!r}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{src!r:14} !! {type(e).__name__}: {e}")
print(Parser("a * (b + 2)").expr())
