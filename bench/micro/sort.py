x = 12345
vals = []
for i in range(1_000_000):
    x = (x * 1103515245 + 12345) % 2147483648
    vals.append(x / 2147483648.0)
vals.sort()
print(vals[0] <= vals[1], round(vals[500000], 3))
