def f(n):
    return f(n + 1) + 1

try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)

import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 200)
sys.setrecursionlimit(1000)
f(0)
