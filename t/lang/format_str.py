# format() of strings: fill, alignment, width, precision, and what is refused
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

for v in ['', 'a', 'abc', 'hello world', 'h\u00e9llo', '\u20ac\u20ac', '\U0001f600x', 'tab\tnl\n']:
    for s in ['', 's', '5', '<5', '>5', '^5', '^6', '*<7', '*>7', '*^7', '-^7', '\u20ac^7', '.0', '.1', '.3',
              '10.2', '>10.4s', '^9.1', '05', '0>5', '0^5', '1', '0', '.100']:
        t(v, s)
for s in ['=5', '+', '-', ' ', '#', 'z', ',', '_', 'd', 'x', 'r', '5d', '.2f', '>>', 'ss', 'x<5s', '\u00e9']:
    t('abc', s)
print(format('abc'), format('abc', ''), str.__format__('abc', '>4'), 'abc'.__format__('^5'))
t(None, '')
t(None, '>5')
t([1, 2], '')
t([1, 2], '>10')
t(object, 's')
