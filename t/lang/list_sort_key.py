# key functions and stability
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date', 'fig', 'Cherry']
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: w[-1]))
recs = [('alice', 3), ('bob', 1), ('carol', 3), ('dave', 2), ('eve', 1), ('frank', 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
# stability: sort by secondary key then primary key
byname = sorted(recs, key=lambda r: r[0])
print(sorted(byname, key=lambda r: r[1]))
calls = []
def k(x):
    calls.append(x)
    return -x
data = [3, 1, 2]
data.sort(key=k)
print(data, calls)
def bad(x):
    if x == 2:
        raise ValueError('bad key')
    return x
d2 = [3, 2, 1]
try:
    d2.sort(key=bad)
except ValueError as e:
    print(type(e).__name__, e)
print(d2)
print(sorted(range(10), key=lambda x: x % 3))
print(sorted(range(10), key=lambda x: x % 3, reverse=True))
print(sorted([1.5, 1, True, 0.5], key=float))
print(sorted(['b', 'a'], key=None))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big, key=lambda x: x // 10)
ok = all(s[i] // 10 <= s[i + 1] // 10 for i in range(len(s) - 1))
# within each group, original order must be kept
pos = {}
for i, v in enumerate(big):
    pos.setdefault(v, i)
stable = all(pos[s[i]] < pos[s[i + 1]] for i in range(len(s) - 1) if s[i] // 10 == s[i + 1] // 10)
print(ok, stable, s[:12])
