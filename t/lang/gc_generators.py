# Suspended generators in cycles: the collector closes them (their finally
# blocks run, once), then frees them.
import gc
import weakref

gc.disable()


def worker(name, box):
    try:
        while True:
            item = yield
            box.append((name, item))
    finally:
        print("finally", name)


box = []
g = worker("g1", box)
next(g)
g.send(1)
box.append(g)  # box -> g -> frame -> box
wr = weakref.ref(g)
del g, box
print("collecting")
gc.collect()
print("freed:", wr() is None)


# a generator holding itself, resurrecting itself in its finally block
saved = []


def phoenix():
    me = yield
    try:
        yield 1
    finally:
        print("phoenix finally")
        saved.append(me)


p = phoenix()
next(p)
p.send(p)
del p
gc.collect()
print("saved:", len(saved), saved[0].gi_frame is None)
saved.clear()
gc.collect()
print("no second finally")


# a generator that ignores GeneratorExit: the collector reports it once
def stubborn():
    me = yield
    while True:
        try:
            yield
        except GeneratorExit:
            print("ignoring GeneratorExit")


s = stubborn()
next(s)
s.send(s)
del s
gc.collect()
print("after stubborn")


# generator expressions and nested generators in a cycle through a list
def chain(items):
    for x in items:
        yield x


holder = []
ge = (x * 2 for x in chain(holder))
holder.append(ge)
wr = weakref.ref(ge)
del ge, holder
gc.collect()
print("genexp freed:", wr() is None)


# a running generator's frame is not garbage while it runs
def runner():
    me = yield
    gc.collect()
    yield me is not None


r = runner()
next(r)
print("running:", r.send(r))
r.close()
print("done")
