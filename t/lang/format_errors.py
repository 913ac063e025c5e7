# format spec parsing errors, with CPython's messages
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

for v in [5, 5.0, 'x']:
    for s in ['.', '.x', '5.', ',_', '_,', ',,', '__', 'xx', '>>>', '10.3dd', '99999999999999999999',
              '.99999999999999999999', 'ab>5', '<>5', '\x01', '\u00e9', '\U0001f600', '>', '=', '+-',
              'z+', '#z', '0#', ',.', '.,', '5,3', '.5,', '\x7f', ' ', 'zz']:
        t(v, s)
t(5, 5)
try:
    (5).__format__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (5.0).__format__(b'x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(5, '.2', 3)
except TypeError as e:
    print(type(e).__name__, e)
