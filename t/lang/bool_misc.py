# bool(): the constructor, truth values, repr/str/format
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for x in [0, 1, -1, 2**100, 0.0, -0.0, 1e-300, float('nan'), '', 'a', ' ', [], [0], (), (0,), {}, {0: 0},
          set(), None, True, False, range(0), range(1), b'', b'\0', bytearray(), 0 * 10**30, 10**30]:
    print(repr(x), bool(x), not x, bool(not x))
print(bool(), repr(True), str(False), f'{True}', f'{True:d}', f'{False:>6}', f'{True:5}', format(True, '^7'))
print('%s %r %d %i %x %f' % (True, False, True, False, True, True), '{} {!r} {:d}'.format(True, False, True))
print(True.__repr__(), False.__str__(), True.__format__(''), True.__format__('x'), True.__bool__(), False.__index__())
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
t(lambda: bool.__new__(bool, 5))
t(lambda: bool.__new__(int, 5))
t(lambda: type(True)(7))
print(type(True), type(False).__name__, bool.__name__, isinstance(False, int), isinstance(1, bool))
print(True if [] else False, [] or 0, [] and 5, 3 and 4, 0 or '' or None, not None)
print(int(True), float(True), str(True), int(False) + 1)
