# print(): sep, end, file (files, objects with write), flush, and argument errors
import sys
path = "/tmp/pyl_test_builtin_print_file.txt"
with open(path, "w") as f:
    print("one", "two", file=f)
    print(1, 2, 3, sep="|", end="$\n", file=f)
    print(file=f)
    print("no end", end="", file=f)
    print("", file=f, flush=True)
with open(path) as f:
    print(repr(f.read()))
class Writer:
    def __init__(self):
        self.chunks = []
    def write(self, s):
        self.chunks.append(s)
w = Writer()
print("a", "b", sep="--", end="!", file=w)
print(file=w)
print(*["x", "y"], file=w, sep="")
print(w.chunks)
print("explicit None", file=None, sep=None, end=None)
print("stderr line", file=sys.stderr)
print(sep="x")
print("", "")
print("a", "b", sep="")
print(*[], end="<end>\n")
class S:
    def __str__(self):
        return "S.__str__"
    def __repr__(self):
        return "S.__repr__"
print(S(), [S()], (S(),), {"k": S()})
for bad in [lambda: print("x", sep=5), lambda: print("x", end=[]), lambda: print("x", file=5),
            lambda: print("x", foo=1), lambda: print("x", file=object())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Flushy:
    def write(self, s):
        sys.stdout.write(s.upper())
    def flush(self):
        sys.stdout.write("[flushed]\n")
print("flush me", file=Flushy(), flush=True)
print("no flush", file=Flushy())
