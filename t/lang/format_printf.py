# printf-style % formatting of numbers
def t(fmt, v):
    try:
        print(repr(fmt), repr(fmt % v))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)

for v in [0, 1, -1, 42, -42, 255, 2**64, -2**70, True, 3.99, -3.99, 0.5, 1e20]:
    for f in ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%8.3d', '%-+8d|']:
        t(f, v)
for v in [0, 255, -255, 2**64, True]:
    for f in ['%x', '%X', '%o', '%#x', '%#X', '%#o', '%08x', '%#08x', '%-#8x|', '%.4x', '%#.4o', '%+x', '% o']:
        t(f, v)
for v in [0.0, -0.0, 1.5, -1.5, 3.14159, 1e-5, 1e20, 123456789.0, 2, float('inf'), float('-inf'), float('nan')]:
    for f in ['%f', '%.2f', '%10.3f', '%-10.1f|', '%010.2f', '%+f', '% f', '%e', '%.0e', '%#.0e', '%E', '%g',
              '%.3g', '%#g', '%G', '%F', '%#.0f', '%05f']:
        t(f, v)
for f, v in [('%x', 1.5), ('%o', 2.0), ('%X', '1'), ('%d', '1'), ('%i', None), ('%u', []), ('%f', '1'),
             ('%e', None), ('%g', [1]), ('%c', 65), ('%c', 'x'), ('%5c|', 0x20ac)]:
    t(f, v)
