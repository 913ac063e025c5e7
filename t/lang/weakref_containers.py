# WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod and finalize.
import gc
import weakref

gc.disable()


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%r)" % self.name

    def hello(self):
        return "hello from " + self.name


# ---- WeakValueDictionary: entries go when their values die
cache = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
cache["a"] = a
cache["b"] = b
cache.update({"c": c})
print(sorted(cache.keys()), len(cache), "a" in cache, cache["a"] is a)
del a
print(sorted(cache.keys()), len(cache), "a" in cache, cache.get("a"), cache.get("a", 0))
try:
    cache["a"]
except KeyError as e:
    print("KeyError", e)
print(sorted(cache), sorted(v.name for v in cache.values()))
print(sorted((k, v.name) for k, v in cache.items()))
print(cache.pop("b") is b, sorted(cache))
print(cache.setdefault("c") is c, cache.setdefault("d", b) is b, sorted(cache))
del b
print(sorted(cache))
copy = cache.copy()
print(type(copy).__name__, sorted(copy))
del cache["c"]
print(sorted(cache), sorted(copy))
print(len(cache.valuerefs()), [r() for r in copy.valuerefs()])
del c
print(len(copy), copy.pop("c", "gone"))

# a cache of objects in cycles: emptied by the collector
objs = [Obj(i) for i in range(100)]
for o in objs:
    o.self = o
wvd = weakref.WeakValueDictionary((o.name, o) for o in objs)
print(len(wvd))
del objs, o
gc.collect()
print(len(wvd), list(wvd.items()))

# ---- WeakKeyDictionary: entries go when their keys die
meta = weakref.WeakKeyDictionary()
x, y = Obj("x"), Obj("y")
meta[x] = 1
meta[y] = 2
print(len(meta), meta[x], x in meta, 5 in meta, sorted(meta.values()))
meta[x] += 10
print(meta[x], meta.get(y), meta.get(Obj("z"), "no"))
del x
print(len(meta), [k.name for k in meta], list(meta.values()))
print(meta.setdefault(y, 0), meta.pop(y), len(meta))
z = Obj("z")
meta.update({z: "zz"})
print([(k.name, v) for k, v in meta.items()])
del z
print(len(meta))

# ---- WeakSet
ws = weakref.WeakSet()
p, q = Obj("p"), Obj("q")
ws.add(p)
ws.add(q)
ws.add(p)
print(len(ws), p in ws, 3 in ws, sorted(o.name for o in ws))
del p
print(len(ws), sorted(o.name for o in ws))
ws.discard(q)
print(len(ws), q in ws)
r, s = Obj("r"), Obj("s")
ws2 = weakref.WeakSet([r, s])
ws3 = weakref.WeakSet([s])
print(sorted(o.name for o in ws2 - ws3), sorted(o.name for o in ws2 & ws3),
      sorted(o.name for o in ws2 | ws3), ws3 <= ws2, ws2 <= ws3)
del r
print(len(ws2), len(ws2 - ws3))

# ---- WeakMethod: a bound method held weakly
o = Obj("o")
wm = weakref.WeakMethod(o.hello)
print(wm()(), wm() == o.hello)
dead = []
wm2 = weakref.WeakMethod(o.hello, lambda w: dead.append(w is wm2))
del o
print(wm(), dead)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError")

# ---- finalize: called once, when the object dies or when called
t1 = Obj("t1")
fin = weakref.finalize(t1, print, "finalized", "t1")
print(fin.alive, fin.peek()[1] is print, fin.atexit)
del t1
print(fin.alive, fin.peek(), fin())
t2 = Obj("t2")
fin2 = weakref.finalize(t2, lambda *a, **k: ("called", a, k), 1, 2, key=3)
print(fin2())
print(fin2(), fin2.alive)
t3 = Obj("t3")
fin3 = weakref.finalize(t3, print, "never")
obj, func, args, kwargs = fin3.detach()
print(obj is t3, args, kwargs, fin3.alive)
del t3, obj
print("detached: no call")
t4 = Obj("t4")
t4.me = t4
weakref.finalize(t4, print, "t4 collected")
del t4
gc.collect()
print("end")
