# f-strings and str.format with numeric format specs
x, y, n = 3.14159, -2.5, 1234567
big = 2**80
print(f'{x}', f'{x:.2f}', f'{x:10.3f}|', f'{x:<10.1f}|', f'{x:^10.2e}|', f'{x:+.0f}', f'{y:.1%}')
print(f'{n:,}', f'{n:_}', f'{n:,.2f}', f'{n:>15,}', f'{n:015,}', f'{-n:015,}', f'{n:#x}', f'{n:#_b}')
print(f'{big}', f'{big:,}', f'{big:x}', f'{big:e}', f'{-big:.3g}', f'{big:40_}')
w, p = 12, 3
print(f'{x:{w}.{p}f}|', f'{x:>{w}}|', f'{n:{"," if w > 5 else ""}}', f'{x!r:>20}', f'{x!s:^20}|')
print(f'{True}', f'{True:d}', f'{False:5}|', f'{1.0:g}', f'{1e-7:g}', f'{0.0:+}', f'{-0.0:z}')
print('{:.3}'.format(2 / 3), '{0:>8.2f} {1:<6d}|'.format(x, 42), '{:{}{}}'.format(7, '>', 5))
print('{a:,} {b:.1e}'.format(a=10**9, b=12345.678), '{0:{1}}'.format(3.5, '08.3f'))
print('%5.1f|%-8d|%+d|%x|%o|%e|%g|%%' % (x, 42, 5, 255, 8, 12345.678, 0.00001))
for v in [0, 7, -7, 1.5, -1.5, 2**70]:
    print(f'[{v:>8}] [{v:<8}] [{v:^8}] [{v:08}] [{v:+}]')
try:
    print(f'{x:d}')
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f'{n:s}')
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f'{"s":d}')
except ValueError as e:
    print(type(e).__name__, e)
