# Soak test of the cycle collector: LOOPS loops, each making and dropping N
# cyclic structures (lists, dicts, instances, closures, bound methods and
# generators referencing each other). Only the collector can free them; the
# peak RSS at the end must stay within 2x the RSS after the first 10 loops.
#   pyl cycles.py [LOOPS [N]]      (defaults: 200 loops of 10000)
import sys

LOOPS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
N = int(sys.argv[2]) if len(sys.argv) > 2 else 10000


def status_kb(field):
    # /proc/self/status lines look like "VmRSS:     12345 kB"
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None

    def method(self):
        return self.i


def gen(box):
    me = yield
    box.append(me)
    yield


def make(i):
    kind = i % 6
    if kind == 0:  # a list holding itself and a dict holding the list
        l = [i]
        l.append({"l": l})
    elif kind == 1:  # two instances pointing at each other
        a, b = Node(i), Node(i)
        a.peer, b.peer = b, a
    elif kind == 2:  # a closure over an instance that holds the closure
        n = Node(i)

        def f():
            return n

        n.peer = f
    elif kind == 3:  # an instance holding its own bound method
        n = Node(i)
        n.peer = n.method
    elif kind == 4:  # a suspended generator holding itself
        box = []
        g = gen(box)
        next(g)
        g.send(g)
    else:  # a dict and an instance through a tuple
        n = Node(i)
        d = {"n": n}
        n.peer = (d, [d])


rss10 = 0
for loop in range(LOOPS):
    for i in range(N):
        make(i)
    if loop == 9:
        rss10 = status_kb("VmRSS")
peak = status_kb("VmHWM")
if rss10 == 0:
    rss10 = status_kb("VmRSS")
ratio = peak / rss10 if rss10 else 0.0
print("loops %d x %d structures: RSS after 10 loops %d kB, peak %d kB, ratio %.2f"
      % (LOOPS, N, rss10, peak, ratio))
if ratio > 2.0:
    print("FAIL: peak RSS more than 2x the RSS after 10 loops")
    sys.exit(1)
