# random inserts, deletes, pops and updates on dicts: order and contents must match CPython
state = 2024
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n
for trial in range(40):
    d = {}
    size = [8, 50, 400, 3000][trial % 4]
    for step in range(size * 2):
        op = rnd(12)
        k = rnd(size)
        if op < 5:
            d[k] = step
        elif op < 7:
            d.pop(k, None)
        elif op == 7 and d:
            d.popitem()
        elif op == 8:
            d.setdefault((k, 1), step)
        elif op == 9:
            d.update({k + 1: -1, -k: -2})
        elif op == 10 and k in d:
            del d[k]
        else:
            d[str(k)] = k
    keys = list(d)
    print(trial, len(d), keys[:6], keys[-4:], list(d.values())[-3:], sum(v for v in d.values() if isinstance(v, int)))
    c = d.copy()
    print(list(c) == keys, list(reversed(d))[:3], list(dict(d.items())) == keys)
