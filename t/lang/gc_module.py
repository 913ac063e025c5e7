# The gc module's interface: what holds in CPython and pyl alike.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(type(old), len(old), old[0] > 0)
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

count = gc.get_count()
print(type(count), len(count), all(isinstance(c, int) for c in count))

n = gc.collect()
print(type(n), n >= 0)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")

print(gc.garbage, type(gc.callbacks))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

class C:
    pass

print(gc.is_tracked(C()), gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked(None))
print(gc.is_tracked(C), gc.is_tracked(int))

c = C()
c.items = [1, 2]
print(c.items in gc.get_referents(c.__dict__))
print(any(r is c.__dict__ for r in gc.get_referrers(c.items)))
print(gc.get_referents(1, "x"))
objs = gc.get_objects()
print(type(objs), any(o is c for o in objs))

# the callbacks run around each collection with the phase and an info dict
seen = []
def cb(phase, info):
    seen.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(seen)

# DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
gc.collect()
print(len(gc.garbage) > 0, any(type(g) is list and g and g[0] is g for g in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.garbage)

# is_finalized: after __del__ ran
class F:
    def __del__(self):
        print("F.__del__")
f = F()
print(gc.is_finalized(f))
f.self = f
keep = []
class R:
    def __del__(self):
        print("R.__del__")
        keep.append(self)
r = R()
r.self = r
del r
gc.collect()
print(len(keep), gc.is_finalized(keep[0]))
keep.clear()
print(gc.collect() >= 0)
del f
print(gc.collect() > 0)
print("done")
