# Event, Condition (wait, notify, notify_all, wait_for with timeouts),
# Semaphore, BoundedSemaphore and Barrier, with results printed in a fixed order.
import threading
import time

# ---- Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01), ev.wait(timeout=0))
seen = []


def waiter(i):
    seen.append((i, ev.wait(5)))


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
time.sleep(0.02)
ev.set()
for w in ws:
    w.join()
print(sorted(seen), ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())

# ---- Condition: producer / consumer with notify
cond = threading.Condition()
items = []
consumed = []


def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
    time.sleep(0.001)
c.join()
print("consumed", consumed)

# notify_all wakes every waiter; notify(n) wakes n
state = {"go": False}
woken = []


def wait_go(i):
    with cond:
        while not state["go"]:
            cond.wait()
        woken.append(i)


ws = [threading.Thread(target=wait_go, args=(i,)) for i in range(5)]
for w in ws:
    w.start()
while True:
    with cond:
        if len(cond._waiters) == 5:
            break
    time.sleep(0.001)
with cond:
    state["go"] = True
    cond.notify_all()
for w in ws:
    w.join()
print("woken", sorted(woken))

# wait with a timeout, wait_for
with cond:
    print("wait timeout", cond.wait(0.01))
    print("wait_for false", cond.wait_for(lambda: False, timeout=0.01))
    print("wait_for value", cond.wait_for(lambda: 42))
flag = []


def later():
    time.sleep(0.02)
    with cond:
        flag.append(1)
        cond.notify()


t = threading.Thread(target=later)
t.start()
with cond:
    print("wait_for flag", cond.wait_for(lambda: flag, timeout=5))
t.join()

# errors without the lock
for f in (cond.wait, cond.notify):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)

# a Condition over a plain Lock
lc = threading.Condition(threading.Lock())
box = []


def put_later():
    with lc:
        box.append("x")
        lc.notify()


with lc:
    t = threading.Thread(target=put_later)
    t.start()
    print("lock condition", lc.wait_for(lambda: box, 5), box)
t.join()

# ---- Semaphore bounds concurrency
sem = threading.Semaphore(2)
active = [0]
peak = [0]
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with guard:
            active[0] -= 1


ws = [threading.Thread(target=limited) for _ in range(6)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("peak", peak[0], "active", active[0])
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.acquire(False, 1), lambda: s.release(0)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# ---- Barrier
barrier = threading.Barrier(3, action=lambda: arrived.append("action"))
arrived = []
indices = []


def at_barrier(i):
    arrived.append(i)
    indices.append(barrier.wait())


ws = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("barrier", sorted(indices), arrived[-1], barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(0.02)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("reset", b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__)
