a = []
for i in range(200000):
    a = [a]
print("built")
try:
    print(len(repr(a)))
except RecursionError as e:
    print("RecursionError", e)
del a
print("freed")
d = {}
for i in range(200000):
    d = {"k": d}
del d
t = ()
for i in range(200000):
    t = (t,)
del t
print("ok")
try:
    eval("1+" * 100000 + "1")
except RecursionError as e:
    print("RecursionError", e)
except MemoryError:
    print("MemoryError")
print(eval("1+" * 500 + "1"))
def nest(n):
    return nest(n + 1) if n < 10**6 else n
try:
    nest(0)
except RecursionError as e:
    print("RecursionError", e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", e)
