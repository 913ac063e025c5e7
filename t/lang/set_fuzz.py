# random operations on sets of ints and tuples; order and hashes must match CPython
state = 4242
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n
out = []
for trial in range(60):
    s = set()
    size = [10, 100, 1000, 5000][trial % 4]
    for step in range(size):
        op = rnd(10)
        v = rnd(size * 2)
        if op < 5:
            s.add(v)
        elif op < 7:
            s.discard(v)
        elif op == 7 and s:
            s.pop()
        elif op == 8:
            s.add((v, rnd(3)))
        else:
            s.add(-v)
    out.append(hash(tuple(s)))
    out.append(list(s)[:5])
    t = s.copy()
    out.append(list(t)[-5:])
    u = s | set(range(0, 50, 3))
    out.append(list(u)[:10])
    out.append(list(s - set(range(0, 100, 2)))[:10])
    out.append(list(s ^ set([1, 2, 3, (4, 0)]))[:10])
    out.append(list(s & set(range(size)))[:10])
    out.append(list(frozenset(s))[:10])
    out.append(hash(frozenset(s)))
print(out)
