# random slice reads, writes and deletes on lists, checked against CPython's results
state = 77
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n
def idx():
    r = rnd(10)
    if r < 2:
        return None
    return rnd(30) - 15
a = list(range(12))
for step in range(3000):
    op = rnd(9)
    i, j = idx(), idx()
    k = [None, None, 1, 2, -1, -2, 3, -3][rnd(8)]
    try:
        if op < 2:
            x = a[i:j:k]
            if step % 50 == 0:
                print('get', i, j, k, x)
        elif op < 4:
            n = len(range(len(a))[i:j:k]) if k not in (None, 1) else rnd(4)
            a[i:j:k] = [100 + step % 50] * n
        elif op < 5:
            del a[i:j:k]
        elif op < 6:
            a.insert(idx() or 0, step)
        elif op < 7:
            if a:
                a.pop(rnd(len(a)))
        elif op < 8:
            a.extend(range(rnd(4)))
        else:
            a.reverse()
    except (ValueError, IndexError) as e:
        print(step, type(e).__name__, e)
    if len(a) > 60:
        del a[::2]
    if step % 100 == 0:
        print(step, a)
print(a, len(a))
