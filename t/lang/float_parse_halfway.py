# float() of the exact decimal midpoint between a double and the next one up, and of
# the decimals one unit in the last place either side: ties go to the even neighbour
# (the midpoints are built exactly with int arithmetic)

def ulp(x):
    # the gap to the next double up, as a fraction (num, den)
    h = x.hex()
    e = int(h[h.index('p') + 1:]) - 52
    return (2**e, 1) if e >= 0 else (1, 2**-e)

def midpoint_text(x, bump):
    n, d = x.as_integer_ratio()
    un, ud = ulp(x)
    num, den = 2 * n * ud + d * un, 2 * d * ud  # x + ulp/2; den is a power of two
    k = den.bit_length() - 1
    digits = str(num * 5**k + bump)  # num/den == num * 5**k / 10**k
    if k == 0:
        return digits
    digits = digits.rjust(k + 1, '0')
    return digits[:-k] + '.' + digits[-k:]

seed = 12345
vals = [1.0, 2.0, 0.1, 1e16, 9007199254740992.0, 123.456, 1e-5, 3.0e22, 0.5, 7e300, 2.0**-1000]
for i in range(40):
    seed = (seed * 1103515245 + 12345) % 2**31
    vals.append((seed / 2**31 + 1) * 2.0 ** (seed % 200 - 100))
for x in vals:
    below, mid, above = [float(midpoint_text(x, b)) for b in (-1, 0, 1)]
    up = float(midpoint_text(x, 0) + '1')
    print(repr(x), repr(below), repr(mid), repr(above), repr(up), below == x, above > x, up == above)
print(float('9007199254740993'), float('9007199254740995'), float('9007199254740993.000000000000000000001'))
print(float('2.4703282292062327e-324'), float('2.4703282292062328e-324'), float('7.4109846876186982e-324'))
print(float('1.7976931348623157e308'), float('1.7976931348623158e308'), float('1.797693134862315807937e308'))
