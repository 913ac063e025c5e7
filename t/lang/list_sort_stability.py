# large pseudo-random data: result order must be exactly CPython's (stable sort)
state = 12345
def rnd():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state
for n in (10, 100, 1000, 5000):
    data = [(rnd() % 50, i) for i in range(n)]
    keyed = sorted(data, key=lambda p: p[0])
    print(n, keyed == sorted(data), keyed[:8])
    rev = sorted(data, key=lambda p: p[0], reverse=True)
    print(rev[:8])
    print(sorted(data, key=lambda p: p[0] % 7)[:8])
# floats, ints, strs, tuples with many runs and duplicates
ints = [rnd() % 1000 - 500 for _ in range(3000)]
print(sorted(ints)[:10], sorted(ints)[-10:], sum(sorted(ints)[::100]))
floats = [(rnd() % 100000) / 7.0 for _ in range(3000)]
sf = sorted(floats)
print(all(sf[i] <= sf[i + 1] for i in range(len(sf) - 1)), sf[:3])
strs = [str(rnd() % 997) for _ in range(2000)]
ss = sorted(strs)
print(ss[:10], ss[-3:])
runs = []
for r in range(40):
    base = rnd() % 100
    seg = list(range(base, base + rnd() % 60))
    if r % 3 == 0:
        seg.reverse()
    runs.extend(seg)
sr = sorted(runs)
print(len(sr), sr[:10], sr[-5:], sr == sorted(runs, reverse=True)[::-1])
mix = [(rnd() % 5, str(rnd() % 5), i) for i in range(500)]
print(sorted(mix)[:6], sorted(mix, key=lambda x: x[1])[:4])
