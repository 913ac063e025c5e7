# subclasses of list
class L(list):
    def total(self):
        return sum(self)
l = L([3, 1, 2])
l.append(4)
l.sort()
print(l, repr(l), type(l).__name__, l.total(), len(l), l[0], l[-1], l[1:3], type(l[1:3]).__name__)
print(l + [5], type(l + [5]).__name__, l * 2, type(l * 2).__name__, l == [1, 2, 3, 4], [1, 2, 3, 4] == l)
l += [9]
print(l, type(l).__name__)
l.name = "numbers"
print(l.name, l.__dict__, list(l), list(reversed(l)), sorted(l, reverse=True), 9 in l)

# overriding append does not affect extend
class Logging(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return ("got", r)
lg = Logging()
lg.append(1)
lg.extend([2, 3])
lg[0] = 10
print(lg, lg[0], lg[1:], list(lg), [x for x in lg])

class Stack(list):
    push = list.append
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s.peek(), s.pop(), s)

class Sized(list):
    def __init__(self, size):
        super().__init__([None] * size)
print(Sized(3))
class NoInit(list):
    def __init__(self, *a):
        pass
print(NoInit([1, 2]))

class Eq(list):
    def __eq__(self, o):
        return True
print(Eq([1]) == [2], [2] == Eq([1]))
try:
    hash(L())
except TypeError as e:
    print(type(e).__name__, e)
print(L.__mro__, isinstance(l, list), list.__len__(l), list.__getitem__(lg, 0))
l.sort(key=lambda v: -v)
print(l, l.copy(), type(l.copy()).__name__, l.index(9), l.count(1))
