# The GIL switches between CPU-bound threads: a busy loop waiting for a flag
# that another thread sets ends; so does a thread that only recurses (no loops).
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)

flag = []


def setter():
    flag.append(1)


t = threading.Thread(target=setter)
t.start()
n = 0
while not flag:  # runs until the other thread got the GIL
    n += 1
t.join()
print("flag set", flag)

progress = {"a": 0, "b": 0}
stop = []


def count(key):
    while not stop:
        progress[key] += 1


ta = threading.Thread(target=count, args=("a",))
tb = threading.Thread(target=count, args=("b",))
ta.start()
tb.start()
while progress["a"] < 1000 or progress["b"] < 1000:
    pass
stop.append(1)
ta.join()
tb.join()
print("both progressed", progress["a"] >= 1000, progress["b"] >= 1000)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


done = []


def recurse():
    done.append(fib(18))


flag2 = []
t = threading.Thread(target=lambda: flag2.append(fib(5)))
t.start()
fib(22)  # recursion only: the other thread runs at a function entry
t.join()
print(flag2, fib(18))
sys.setswitchinterval(0.005)
