# chained comparisons (each operand evaluated once, short-circuit) and conditional expressions
log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) < v(5) > v(2) == v(2) != v(3), log)
log.clear()
print(1 < 2 > 1.5, 1 == 1.0 == True, "a" < "b" < "c", [1] < [2] < [3], (1, 2) < (1, 3))
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4, 0 <= 0 >= 0)
x = [1]
print(x is x is not None, 1 in [1, 2] in [[1, 2]], 2 not in [1] not in [[2]])
print(1 if True else 2, 1 if False else 2, (v("t") if True else v("f")), log)
log.clear()
print(v("a") if v(0) else v("b"), log)
print("yes" if [] else "no", "yes" if [0] else "no", None if 0 else 0 if 0 else "last")
val = 15
print("fizzbuzz" if val % 15 == 0 else "fizz" if val % 3 == 0 else "buzz" if val % 5 == 0 else val)
print([("even" if n % 2 == 0 else "odd") for n in range(4)], (lambda q: "neg" if q < 0 else "non-neg")(-1))
class Cmp:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        log.append(("lt", self.n, other.n))
        return self.n < other.n
log.clear()
print(Cmp(1) < Cmp(2) < Cmp(0) < Cmp(5), log)
try:
    1 < "a" < 3
except TypeError as e:
    print("TypeError:", e)
print(not 1 == 2, not (1 < 2 < 3), (not None) == True, -1 < 0 == False)
print(1 < 2 and 2 < 3, 0 or "x", "" and "y", None or 0 or [] or "last", 1 and 2 and 3)
