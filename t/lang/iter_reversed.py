# reversed: __reversed__ when defined, else the sequence protocol
print(list(reversed([1, 2, 3])), list(reversed((1, 2, 3))), list(reversed('abc')), list(reversed(range(3))))
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.items())), list(reversed(b'ab')))
r = reversed((1, 2, 3))
print(type(r).__name__, iter(r) is r, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
print(type(reversed('ab')).__name__, type(reversed([1])).__name__)
for bad in ({1, 2}, frozenset(), 5, iter([1]), None):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    reversed()
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(seq=[])
except TypeError as e:
    print(type(e).__name__, e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()))
class NoLen:
    def __getitem__(self, i):
        return i
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
class Custom:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Custom())))
class NotRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NotRev())
except TypeError as e:
    print(type(e).__name__, e)
class Short:
    def __len__(self):
        return 5
    def __getitem__(self, i):
        if i > 1:
            raise IndexError
        return i
print(list(reversed(Short())))
