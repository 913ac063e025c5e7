# Producer / consumer threads through queue.Queue: workers process every item,
# task_done/join wait for all of them; bounded queues block producers.
import queue
import threading
import time

tasks = queue.Queue()
results = queue.Queue()
N_WORKERS = 4


def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            return
        results.put((item, item * item, threading.current_thread().name.startswith("worker")))
        tasks.task_done()


workers = [threading.Thread(target=worker, name="worker-%d" % i) for i in range(N_WORKERS)]
for w in workers:
    w.start()
for i in range(40):
    tasks.put(i)
tasks.join()
print("all processed", tasks.unfinished_tasks, results.qsize())
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
out = sorted(results.get_nowait() for _ in range(results.qsize()))
print(out[:5], len(out), all(r[2] for r in out), sum(r[1] for r in out))

# a bounded queue makes the producer wait for the consumer
small = queue.Queue(maxsize=3)
consumed = []
peak = [0]


def producer():
    for i in range(20):
        small.put(i)
        peak[0] = max(peak[0], small.qsize())
    small.put(None)


def consumer():
    while True:
        item = small.get()
        if item is None:
            break
        consumed.append(item)
        time.sleep(0.001)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(consumed == list(range(20)), peak[0] <= 3)

# get with a timeout sees an item put later
box = queue.Queue()


def late_put():
    time.sleep(0.05)
    box.put("late")


t = threading.Thread(target=late_put)
t.start()
print(box.get(timeout=5))
t.join()

# put with a timeout sees room made later
full = queue.Queue(1)
full.put("first")


def late_get():
    time.sleep(0.05)
    full.get()


t = threading.Thread(target=late_get)
t.start()
full.put("second", timeout=5)
t.join()
print(full.get_nowait())

# several producers and consumers, priority queue
pq = queue.PriorityQueue()
got = []
lock = threading.Lock()


def pprod(base):
    for i in range(10):
        pq.put((base + i, "p%d" % base))


prods = [threading.Thread(target=pprod, args=(b,)) for b in (0, 100, 200)]
for t in prods:
    t.start()
for t in prods:
    t.join()


def pcons():
    while True:
        try:
            item = pq.get_nowait()
        except queue.Empty:
            return
        with lock:
            got.append(item)


cons = [threading.Thread(target=pcons) for _ in range(3)]
for t in cons:
    t.start()
for t in cons:
    t.join()
print(len(got), sorted(got)[:3], sorted(got)[-1])

# SimpleQueue between threads
sq = queue.SimpleQueue()
seen = []


def sq_cons():
    for _ in range(5):
        seen.append(sq.get(timeout=5))


t = threading.Thread(target=sq_cons)
t.start()
for i in range(5):
    sq.put(i)
t.join()
print(seen)
