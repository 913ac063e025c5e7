print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" continued")
print()
print(1, 2.5, None, True, [1, "x"], (1,), {"k": 1})
print("x", "y", sep="", end="!\n")
print(*range(5), sep=", ")
import sys
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print("sep none", "end none", sep=None, end=None)
try:
    print("x", sep=1)
except TypeError as e:
    print("TypeError:", e)
class_like = type("x")
print(class_like)
