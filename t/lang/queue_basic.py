# queue: FIFO, LIFO and priority order, sizes, put/get without blocking and
# with timeouts (Empty / Full), task_done accounting, SimpleQueue.
import queue

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (1, "b"), (5, "e"), (2, "x"), (9, "z"), (0, "y")]:
    pq.put(item)
print([pq.get_nowait() for _ in range(pq.qsize())])

bq = queue.Queue(maxsize=2)
bq.put("a")
bq.put_nowait("b")
print(bq.full(), bq.qsize(), bq.maxsize)
for attempt in (lambda: bq.put_nowait("c"), lambda: bq.put("c", block=False),
                lambda: bq.put("c", timeout=0.01)):
    try:
        attempt()
    except queue.Full as e:
        print("Full", repr(e))
print(bq.get(), bq.get_nowait())
for attempt in (bq.get_nowait, lambda: bq.get(False), lambda: bq.get(timeout=0.01),
                lambda: bq.get(True, 0)):
    try:
        attempt()
    except queue.Empty as e:
        print("Empty", repr(e))
for attempt in (lambda: bq.get(timeout=-1), lambda: bq.put(1, timeout=-0.5)):
    try:
        attempt()
    except ValueError as e:
        print("ValueError:", e)
print(bq.qsize())

tq = queue.Queue()
tq.put(1)
tq.put(2)
print(tq.unfinished_tasks)
tq.get()
tq.task_done()
tq.get()
tq.task_done()
tq.join()
try:
    tq.task_done()
except ValueError as e:
    print("ValueError:", e)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue Empty nowait")

# many items through a FIFO keep their order
big = queue.Queue()
for i in range(1000):
    big.put(i)
print(all(big.get() == i for i in range(1000)), big.qsize())
print(queue.Queue[int].__origin__ is queue.Queue)


class Tagged(queue.Queue):
    def _put(self, item):
        super()._put(("tag", item))


tg = Tagged()
tg.put(1)
print(tg.get())
