# list subclasses keep list behaviour; slicing and + give plain lists
class L(list):
    pass
a = L([1, 2, 3])
print(a, type(a).__name__, len(a), a[0], a[1:], type(a[1:]).__name__, type(a + a).__name__, type(a * 2).__name__)
a.append(4)
a += [5]
print(a, type(a).__name__, isinstance(a, list), a == [1, 2, 3, 4, 5])
class Init(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 'x'
b = Init('ab')
print(b, b.extra, b.copy(), type(b.copy()).__name__)
class Rev(list):
    def __reversed__(self):
        return iter(['custom'])
print(list(reversed(Rev([1, 2]))))
class Cmp(list):
    def __eq__(self, other):
        return True
print(Cmp([1]) == [2], [2] == Cmp([1]))
print(sorted(L([3, 1, 2])), L(x for x in range(3)))
c = L([3, 1])
c.sort()
print(c, type(c).__name__)
print(repr(L()), str(L([L([1])])))
