N = 1_000_000
d = {}
for i in range(N):
    d[i] = i
hits = 0
for i in range(N):
    hits += d[i]
keys = [str(i) for i in range(N)]
s = {}
for k in keys:
    s[k] = 1
n = 0
for k in keys:
    n += s[k]
print(hits, n, len(d), len(s))
