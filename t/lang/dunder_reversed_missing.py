# __reversed__ and __missing__
class Rev:
    def __init__(self, items):
        self.items = items
    def __reversed__(self):
        print("__reversed__ called")
        return iter(self.items[::-1] + ["!"])
print(list(reversed(Rev([1, 2, 3]))))

class SeqRev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError(i)
        return i * 2
print(list(reversed(SeqRev())), type(reversed(SeqRev())).__name__)

class NotRev:
    def __iter__(self):
        return iter([1])
try:
    reversed(NotRev())
except TypeError as e:
    print(type(e).__name__, e)

class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneRev())
except TypeError as e:
    print(type(e).__name__, e)

class BadRev:
    def __reversed__(self):
        return 5
print(reversed(BadRev()))

class LenOnly:
    def __len__(self):
        return 2
try:
    reversed(LenOnly())
except TypeError as e:
    print(type(e).__name__, e)

# __missing__ on dict subclasses
class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        return f"default-{key}"
d = Defaulting(a=1)
print(d["a"], d["b"], "b" in d, d.get("c"), d.get("c", 0), d)
class Counting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counting()
for w in "abcab":
    c[w] += 1
print(c)

class RaisingMissing(dict):
    def __missing__(self, key):
        raise KeyError(f"no {key}")
try:
    RaisingMissing()["x"]
except KeyError as e:
    print(type(e).__name__, e)

# __missing__ is only for dict subclasses and only through []
class NotADict:
    def __missing__(self, key):
        return "unused"
    def __getitem__(self, key):
        raise KeyError(key)
try:
    NotADict()["k"]
except KeyError as e:
    print(type(e).__name__, e)

# __missing__ on an instance is ignored
plain = type("Plain", (dict,), {})()
plain.__missing__ = lambda k: "instance"
try:
    plain["q"]
except KeyError as e:
    print(type(e).__name__, e)

# a non-callable __missing__
class BadMissing(dict):
    __missing__ = 5
try:
    BadMissing()["z"]
except TypeError as e:
    print(type(e).__name__, e)

# dict.__getitem__ called explicitly also uses __missing__
print(dict.__getitem__(Defaulting(), "k"))
