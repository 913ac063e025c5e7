# Fixed-point formatting ('f', 'F', '%', %-style and f-strings) must round the
# exact binary value of the float, ties to even, at every precision: values
# from a simple generator, exact ties (k / 2**n) and magnitudes up to 1e22.
state = 12345


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state


values = [0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-300, 5e-324, 1e16, 1e17, 1e22, 123456789.987654321]
for k in range(1, 40):
    values.append(k / 8)
    values.append(k / 1024)
    values.append(k * 0.001)
for i in range(200):
    r = rand()
    mant = (r >> 11) / 2**53
    exp = (r % 37) - 18
    values.append(mant * 10.0**exp)

for p in (0, 1, 2, 3, 5, 8, 12, 17, 20, 25):
    line = []
    for v in values:
        line.append(format(v, ".%df" % p))
        line.append(format(-v, ".%dF" % p))
    print(p, " ".join(line))
print(" ".join("%#.0f" % v for v in values[:20]))
print(" ".join("%.3f" % v for v in values[20:60]))
print(" ".join(f"{v:.2%}" for v in values[:40]))
print(" ".join(f"{v:,.2f}" for v in values[40:80]))
print(" ".join(f"{v:>12.4f}|{v:<+10.1f}|{v:010.3f}" for v in values[80:100]))
