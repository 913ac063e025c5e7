# float ** and pow(): IEEE special cases and errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

inf, nan = float('inf'), float('nan')
bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, inf, -inf, nan, 3, -3]
exps = [0.0, -0.0, 1.0, 2.0, 3.0, -1.0, -2.0, 0.5, -0.5, inf, -inf, nan, 3, -3]
for b in bases:
    row = []
    for e in exps:
        try:
            row.append(repr(b ** e))
        except Exception as ex:
            row.append(type(ex).__name__)
    print(repr(b), row)
print(2.0 ** 10, 2 ** 0.5, 10 ** -2.0, 1.0001 ** 10000, (-8.0) ** 3, (-2.0) ** -3, 4 ** 0.5)
print(pow(2.0, 3), pow(2, -1), pow(2.5, 2), 2 ** -1074, 2 ** -1075, 0.5 ** 1074)
t(lambda: 0.0 ** -1)
t(lambda: 0 ** -1)
t(lambda: 0 ** -1.5)
t(lambda: -0.0 ** -1)
t(lambda: 10.0 ** 400)
t(lambda: 2.0 ** 1024)
t(lambda: (-10.0) ** 401)
t(lambda: 10 ** 400.0)
t(lambda: pow(2.0, 3, 5))
t(lambda: 1.5 ** 'a')
t(lambda: 'a' ** 1.5)
x = 3.0
x **= 2
print(x)
for b in [1.0, 2.0, 0.5, inf, nan, 4]:
    print(repr(b), [b ** e for e in (0.5, -0.5, 1.5, -2.5, 0.25)])
print((-8.0) ** (1 / 3), (-1) ** 0.5, pow(-2, -0.5), (-2.5) ** 1.5)
