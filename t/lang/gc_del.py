# __del__ runs exactly once per object (PEP 442), whether the object dies by
# reference count or in the cycle collector; a resurrected object survives.
import gc

gc.disable()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def show(title):
    print(title, sorted(log))
    log.clear()


# refcount death: at once
d = D("plain")
del d
show("refcount:")

# a cycle: only the collector frees it, and __del__ runs once for each
a, b = D("a"), D("b")
a.peer, b.peer = b, a
del a, b
show("before collect:")
print(gc.collect() >= 2)
show("after collect:")
gc.collect()
show("second collect:")

# a self-cycle through the instance dict and a list
s = D("self")
s.me = [s, {"again": s}]
del s
gc.collect()
show("self-cycle:")

# resurrection: __del__ stores the object somewhere reachable
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("Phoenix.__del__", self.name)
        saved.append(self)


p = Phoenix("p1")
del p
gc.collect()
print("resurrected:", [x.name for x in saved], saved[0].me is saved[0])
# it is a live object again: the next death does not call __del__ again
saved.clear()
gc.collect()
print("after second death:", saved)

# resurrection from a refcount death
class Once:
    count = 0

    def __del__(self):
        Once.count += 1
        global keep
        keep = self


o = Once()
del o
print("Once.count", Once.count, type(keep).__name__)
keep = None
print("Once.count", Once.count)

# __del__ sees its attributes intact, even inside a collected cycle
class Node:
    def __init__(self, value, other=None):
        self.value = value
        self.other = other

    def __del__(self):
        log.append((self.value, self.other.value if self.other else None))


n1 = Node(1)
n2 = Node(2, n1)
n1.other = n2
del n1, n2
gc.collect()
show("attributes:")

# exceptions in __del__ are printed (to stderr) and ignored
class Bad:
    def __del__(self):
        raise RuntimeError("ignored")


bad = Bad()
bad.me = bad
del bad
gc.collect()
print("still running")

# a cycle that includes a class with __del__ instances and a closure
def make():
    x = D("closure")

    def f():
        return x

    x.f = f


make()
gc.collect()
show("closure:")

# garbage with __del__ collected by the automatic collector
gc.enable()
for i in range(3000):
    c = D(i)
    c.c = c
del c
gc.collect()
print("auto:", len(log), sorted(log) == list(range(3000)))
log.clear()
