# building strings: += loops, join, repeated concatenation, interaction with aliases
s = ""
for i in range(2000):
    s += str(i % 10)
print(len(s), s[:15], s[-5:])
a = "x"
b = a
a += "y"
print(a, b)
parts = []
for i in range(100):
    parts.append("é" if i % 3 == 0 else "a")
u = ""
for p in parts:
    u += p
print(len(u), u[:6], u.count("é"))
v = "start"
w = v
for i in range(3):
    v += "-" + str(i)
print(v, w)
acc = ""
for c in "héllo wörld":
    acc = c + acc
print(acc)
d = {}
k = "key"
k += "1"
d[k] = 1
k += "2"
print(d, k)
