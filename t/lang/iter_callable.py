# iter(callable, sentinel) and the sequence iterator
n = [0]
def counter():
    n[0] += 1
    return n[0]
it = iter(counter, 4)
print(type(it).__name__, iter(it) is it, list(it), list(it), n)
vals = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(vals), '')))
def stopper():
    raise StopIteration
print(list(iter(stopper, 1)))
def fails():
    raise ValueError('no')
try:
    list(iter(fails, 1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError('end')
        return i * i
s = iter(Seq())
print(type(s).__name__, next(s), list(s), list(s))
print(list(Seq()), 9 in Seq(), 5 in Seq(), tuple(Seq()), sorted(Seq(), reverse=True))
class Stops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stops()))
class Err:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(Err())
except KeyError as e:
    print(type(e).__name__, e)
class WithLen(Seq):
    def __len__(self):
        return 4
it = iter(WithLen())
print(it.__length_hint__(), next(it), it.__length_hint__())
print(iter(Seq()).__length_hint__())
