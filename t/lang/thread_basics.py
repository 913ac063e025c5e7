# threading.Thread: target/args/kwargs, run() overrides, names, daemon,
# ident, is_alive, join with a timeout, and the errors of misuse.
import threading
import time

results = {}


def worker(key, value, *, scale=1):
    results[key] = value * scale


t = threading.Thread(target=worker, args=("a", 2), kwargs={"scale": 10})
print(t.is_alive(), t.ident is None, t.native_id is None, t.daemon)
print(repr(t).endswith(", initial)>"), t.name.startswith("Thread-"), t.name.endswith(" (worker)"))
t.start()
t.join()
print(results, t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
print(repr(t).endswith("stopped %d)>" % t.ident))
print(t.ident != threading.get_ident(), t.native_id != threading.get_native_id())

try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=worker).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Doubler(threading.Thread):
    def __init__(self, n):
        super().__init__(name="doubler-%d" % n)
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * 2
        self.seen_name = threading.current_thread().name
        self.seen_self = threading.current_thread() is self


ds = [Doubler(i) for i in range(5)]
for d in ds:
    d.start()
for d in ds:
    d.join()
print([(d.name, d.result, d.seen_name, d.seen_self) for d in ds])

# names and daemon flags
n = threading.Thread(name=42)
print(repr(n.name), n.daemon)
n.name = "renamed"
n.daemon = True
print(n.name, n.daemon)
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, repr(d).endswith("initial daemon)>"))
d.start()
d.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

# a daemon parent makes daemon children
inherited = []


def parent():
    child = threading.Thread(target=lambda: None)
    inherited.append(child.daemon)


p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
print("child daemon", inherited)

# join with a timeout
release = threading.Event()


def waits():
    release.wait()


w = threading.Thread(target=waits)
w.start()
start = time.monotonic()
w.join(timeout=0.05)
print("alive after timeout", w.is_alive(), time.monotonic() - start >= 0.04)
w.join(0)
print("alive after join(0)", w.is_alive())
release.set()
w.join(5)
print("alive after release", w.is_alive())

# main thread, current thread, enumerate, active_count
main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [th.name for th in threading.enumerate()])
inside = {}
ready = threading.Event()
go = threading.Event()


def observer():
    me = threading.current_thread()
    inside["name"] = me.name
    inside["is_main"] = me is threading.main_thread()
    inside["count"] = threading.active_count()
    inside["in_enum"] = me in threading.enumerate()
    ready.set()
    go.wait()


o = threading.Thread(target=observer, name="observer")
o.start()
ready.wait()
print(sorted(inside.items()), threading.active_count())
go.set()
o.join()
print(threading.active_count())

# Timer and cancel
fired = []
tm = threading.Timer(0.01, fired.append, args=["fired"])
tm.start()
tm.join()
tc = threading.Timer(10, fired.append, args=["cancelled"])
tc.start()
tc.cancel()
tc.join()
print(fired, tc.finished.is_set())

# many short threads
out = []
lock = threading.Lock()


def append(i):
    with lock:
        out.append(i)


threads = [threading.Thread(target=append, args=(i,)) for i in range(50)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(out) == list(range(50)), len(out))
print(threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError)
print(threading.gettrace(), threading.getprofile())
