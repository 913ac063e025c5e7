# threading.local: attributes are per thread; a subclass's __init__ runs once
# in each thread that uses the object.
import threading

data = threading.local()
data.x = "main"
print(type(data).__name__, type(data).__module__, data.x, data.__dict__)
seen = {}


def use(i):
    seen[i] = [hasattr(data, "x"), getattr(data, "x", None)]
    data.x = i
    data.y = i * i
    seen[i].append((data.x, data.y, sorted(data.__dict__)))
    del data.y
    seen[i].append(hasattr(data, "y"))


threads = [threading.Thread(target=use, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in sorted(seen):
    print(i, seen[i])
print("main still", data.x, hasattr(data, "y"))


class Counter(threading.local):
    created = 0

    def __init__(self, start):
        Counter.created += 1
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


c = Counter(10)
print(c.bump(), c.bump(), Counter.created)
results = {}


def bumper(i):
    results[i] = [c.bump() for _ in range(i + 1)]


threads = [threading.Thread(target=bumper, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), Counter.created, c.value)

# the same local in threads running at the same time
gate = threading.Barrier(3)
vals = {}
shared = threading.local()


def interleaved(i):
    shared.v = i
    gate.wait()
    vals[i] = shared.v


threads = [threading.Thread(target=interleaved, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(vals.items()))

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)


class WithSlots(threading.local):
    def __init__(self, **kw):
        self.__dict__.update(kw)


w = WithSlots(a=1, b=2)
out = []
t = threading.Thread(target=lambda: out.append(sorted(w.__dict__.items())))
t.start()
t.join()
print(sorted(w.__dict__.items()), out)
