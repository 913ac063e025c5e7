# sys.stdout/stderr can be replaced by any object with write(); print and the
# interpreter follow the replacement.
import sys
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
old = sys.stdout
sys.stdout = cap
print("captured", 1, 2, sep="-")
print("second", end="!")
sys.stdout = old
print(cap.parts)
err = Capture()
sys.stderr = err
print("to err", file=sys.stderr)
sys.stderr = sys.__stderr__
print(err.parts)
print(sys.stdout.write("direct\n"))
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.encoding, sys.stderr.errors)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdin.read())
