"""Queues for passing work between threads (pyl's own version of the standard
`queue` module): FIFO, LIFO and priority queues bounded by maxsize, with
blocking put/get (optionally with a timeout) and task_done/join."""

import threading
from time import monotonic as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_GenericAlias = type(list[int])


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue holding at most maxsize items (maxsize <= 0: no bound).

    One mutex guards the items; three conditions share it: not_empty (get
    waits on it), not_full (put waits on it) and all_tasks_done (join waits on
    it until every item put was matched by a task_done)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Tell the queue one item got from it is processed."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Wait until every item put in the queue was processed."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def _wait(self, cond, ready, block, timeout, exc):
        # with cond's lock held: wait until ready(), or raise exc
        if not block:
            if not ready():
                raise exc
        elif timeout is None:
            while not ready():
                cond.wait()
        else:
            _check_timeout(timeout)
            deadline = _time() + timeout
            while not ready():
                remaining = deadline - _time()
                if remaining <= 0.0:
                    raise exc
                cond.wait(remaining)

    def put(self, item, block=True, timeout=None):
        """Put item in the queue; when it is full, wait (block, up to timeout
        seconds) for room, or raise Full."""
        with self.not_full:
            if self.maxsize > 0:
                self._wait(self.not_full, lambda: self._qsize() < self.maxsize,
                           block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item; when the queue is empty, wait (block,
        up to timeout seconds) for one, or raise Empty."""
        with self.not_empty:
            self._wait(self.not_empty, self._qsize, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage; subclasses override these four.

    def _init(self, maxsize):
        self.queue = _Fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_GenericAlias)


class _Fifo:
    """A first-in first-out list: items[head:] are queued; the consumed front
    is dropped once it is half of the list (amortised O(1) popleft)."""

    def __init__(self):
        self.items = []
        self.head = 0

    def __len__(self):
        return len(self.items) - self.head

    def __iter__(self):
        return iter(self.items[self.head:])

    def __repr__(self):
        return "deque(%r)" % (self.items[self.head:],)

    def append(self, item):
        self.items.append(item)

    def popleft(self):
        if self.head >= len(self.items):
            raise IndexError("pop from an empty deque")
        item = self.items[self.head]
        self.items[self.head] = None
        self.head += 1
        if self.head * 2 >= len(self.items):
            del self.items[:self.head]
            self.head = 0
        return item


def _heappush(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) >> 1
        if heap[i] < heap[parent]:
            heap[i], heap[parent] = heap[parent], heap[i]
            i = parent
        else:
            break


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    n = len(heap)
    i = 0
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < heap[i]:
            heap[i], heap[child] = heap[child], heap[i]
            i = child
        else:
            break
    return top


class PriorityQueue(Queue):
    """Items come out smallest first (usually (priority, data) tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    """Items come out last in, first out."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = _Fifo()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        if block:
            _check_timeout(timeout)
            taken = self._count.acquire(True, timeout)
        else:
            taken = self._count.acquire(False)
        if not taken:
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(_GenericAlias)
