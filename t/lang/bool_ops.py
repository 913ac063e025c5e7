# bool arithmetic: ints except for & | ^ between bools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

T, F = True, False
for a in (T, F):
    for b in (T, F):
        print(a, b, a + b, a - b, a * b, a & b, a | b, a ^ b, a == b, a < b, a ** b, a << b, a >> b)
print(T + 1, T * 10, T / 2, T // 2, T % 2, -T, +T, ~T, ~F, abs(-T), T * 1.5, F * 1.5, T + 0.5)
print(T & 3, 3 & T, T | 2, 2 | T, T ^ 3, F | 0, type(T & 3).__name__, type(T & F).__name__, type(T + F).__name__)
print(divmod(T, T), divmod(5, T), pow(T, 5), pow(2, T), pow(T, -1), T ** 0.5, type(+T).__name__, type(-F).__name__)
print(sum([T, T, F, T]), sum([T, 0.5]), max(T, F), min(T, 2), sorted([T, F, 2, -1, 0.5]))
print(T == 1, F == 0, T == 1.0, T is True, T != 2, hash(T), hash(F), T.real, T.imag)
t(lambda: T / F)
t(lambda: T // F)
t(lambda: T % F)
t(lambda: T + 'a')
t(lambda: F < 'a')
x = T
x += T
print(x, type(x).__name__)
x = T
x &= F
print(x, type(x).__name__)
x = T
x |= 2
print(x, type(x).__name__)
print(['a', 'b'][T], 'abc'[F], [0] * T, 'x' * T, (1, 2)[T:], list(range(T, 5)))
