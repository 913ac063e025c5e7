# the exact sequence of comparisons made by sort must be CPython's (timsort with
# powersort merging, galloping, binary insertion)
log = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return 'K(%r)' % self.v

def trace(values):
    del log[:]
    items = [K(v) for v in values]
    items.sort()
    return [k.v for k in items], len(log), log[:20]

print(trace([3, 1, 2]))
print(trace([1, 2, 3, 4, 5]))
print(trace([5, 4, 3, 2, 1]))
print(trace([2, 2, 1, 1, 3, 3]))
state = 7
def rnd():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state
for n in (10, 64, 65, 130, 300, 1000):
    vals = [rnd() % 100 for _ in range(n)]
    out, count, first = trace(vals)
    print(n, out == sorted(vals), count, first[:6], log[-3:])
# long runs make merges gallop
vals = list(range(0, 400, 2)) + list(range(1, 400, 2)) + list(range(1000, 1200))
out, count, first = trace(vals)
print(out == sorted(vals), count, log[-10:])
vals = list(range(300)) + list(range(150))
out, count, first = trace(vals)
print(out == sorted(vals), count, log[-10:])
# only __lt__ is used, and the key sees every item once
seen = []
r = sorted([K(3), K(1), K(2)], key=lambda k: (seen.append(k.v), k.v)[1])
print(r, seen)
class G:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        log.append(('gt', self.v, other.v))
        return self.v > other.v
del log[:]
print([g.v for g in sorted([G(2), G(3), G(1)])], log)
