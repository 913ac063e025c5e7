# input() reads from sys.stdin (replaced here by a file); the prompt goes to stdout
import sys
path = "/tmp/pyl_test_builtin_input_stdin.txt"
with open(path, "w") as f:
    f.write("first line\n  spaced  \n\nlast without newline")
old = sys.stdin
sys.stdin = open(path)
print(repr(input()))
print(repr(input("prompt> ")))
print(repr(input("")))
print(repr(input(42)))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin.close()
sys.stdin = old
class FakeIn:
    def __init__(self, lines):
        self.lines = lines
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
sys.stdin = FakeIn(["from object\n", "second"])
print(input("? "), input())
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = old
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
