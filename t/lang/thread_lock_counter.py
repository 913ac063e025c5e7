# Several threads incrementing shared counters under locks get the exact count;
# Lock and RLock semantics (_thread.lock / _thread.RLock).
import threading

N_THREADS = 8
N_ITER = 5000

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(N_ITER):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter, counter == N_THREADS * N_ITER)

# acquire()/release() by hand, and a per-thread tally in a dict
tally = {}
tally_lock = threading.Lock()


def count_into(key, n):
    for _ in range(n):
        tally_lock.acquire()
        try:
            tally[key] = tally.get(key, 0) + 1
        finally:
            tally_lock.release()


threads = [threading.Thread(target=count_into, args=("k%d" % (i % 3), 1000)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(tally.items()))

# Lock basics
lk = threading.Lock()
print(type(lk).__name__, type(lk).__module__, lk.locked())
print(lk.acquire(), lk.locked())
print(lk.acquire(False), lk.acquire(blocking=False), lk.acquire(timeout=0.01))
lk.release()
print(lk.locked(), lk.acquire(True, 0.5))
lk.release()
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for kw in ({"blocking": False, "timeout": 1}, {"timeout": -2}, {"timeout": "x"}):
    try:
        lk.acquire(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(lk.acquire(timeout=-1), lk.locked())
lk.release()
with lk:
    print("in with", lk.locked())
print("after with", lk.locked())
print(repr(lk).startswith("<unlocked _thread.lock object at 0x"))

# a lock released by another thread wakes the waiter
gate = threading.Lock()
gate.acquire()
order = []


def opener():
    order.append("opening")
    gate.release()


t = threading.Thread(target=opener)
t.start()
gate.acquire()
order.append("passed")
t.join()
print(order)

# RLock: reentrant, owned by one thread
r = threading.RLock()
print(type(r).__name__, r.acquire(), r.acquire(), r._is_owned())
r.release()
print(r._is_owned())
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested with")
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))

r.acquire()
result = []


def try_other():
    result.append(r.acquire(False))
    result.append(r.acquire(timeout=0.05))
    try:
        r.release()
    except RuntimeError as e:
        result.append(str(e))


t = threading.Thread(target=try_other)
t.start()
t.join()
r.release()
print(result)

# RLock recursion with several threads
rcount = 0
rl = threading.RLock()


def rwork():
    global rcount
    for _ in range(1000):
        with rl:
            with rl:
                rcount += 1


threads = [threading.Thread(target=rwork) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("rcount", rcount)
