# bytearray mutation methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b"abc")
ba.append(100)
print(ba)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(bytearray(b"i"))
ba.extend(range(106, 108))
print(ba)
ba.insert(0, 65)
ba.insert(-1, 66)
ba.insert(100, 67)
ba.insert(-100, 68)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(107)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(ba))
t(lambda: bytearray(b"a").append(256))
t(lambda: bytearray(b"a").append(-1))
t(lambda: bytearray(b"a").append("a"))
t(lambda: bytearray(b"a").append())
t(lambda: bytearray(b"a").extend(1))
t(lambda: bytearray(b"a").extend("ab"))
t(lambda: bytearray(b"a").extend([1, "a"]))
t(lambda: bytearray(b"a").extend([300]))
t(lambda: bytearray(b"a").insert(0, 300))
t(lambda: bytearray(b"a").insert("a", 1))
t(lambda: bytearray(b"a").insert(1))
t(lambda: bytearray().pop())
t(lambda: bytearray(b"a").pop(5))
t(lambda: bytearray(b"a").pop(1, 2))
t(lambda: bytearray(b"abc").pop(1.5))
t(lambda: bytearray(b"a").remove(98))
t(lambda: bytearray(b"a").remove(300))
t(lambda: bytearray(b"a").remove("a"))
x = bytearray(b"ab")
y = x
x += b"cd"
x += bytearray(b"e")
print(x, y, x is y)
x *= 2
print(x, y is x)
x *= 0
print(x, y)
def iadd_bad():
    z = bytearray(b"a")
    z += [1]
t(iadd_bad)
def iadd_str():
    z = bytearray(b"a")
    z += "x"
t(iadd_str)
def imul_bad():
    z = bytearray(b"a")
    z *= "x"
t(imul_bad)
s = bytearray(b"self")
def self_iadd():
    global s
    s += s
t(self_iadd)
print(s)
t(lambda: s.extend(s))
print(s)
big = bytearray()
for i in range(10000):
    big.append(i % 256)
print(len(big), big[255], big[256], big[-1], sum(big) % 1000)
