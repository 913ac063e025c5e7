# An LRU cache as a container class: doubly linked list + dict, full mapping
# protocol (__getitem__/__setitem__/__delitem__/__len__/__iter__/__contains__),
# a decorator using it, and statistics via a class with __slots__.
class _Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None

class LRU:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.next, node.prev = self.head.next, self.head
        self.head.next.prev = node
        self.head.next = node

    def __getitem__(self, key):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            raise KeyError(key)
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def __setitem__(self, key, value):
        if key in self.map:
            node = self.map[key]
            node.value = value
            self._unlink(node)
        else:
            node = _Node(key, value)
            self.map[key] = node
            if len(self.map) > self.capacity:
                oldest = self.tail.prev
                self._unlink(oldest)
                del self.map[oldest.key]
        self._push_front(node)

    def __delitem__(self, key):
        node = self.map.pop(key)
        self._unlink(node)

    def __len__(self):
        return len(self.map)

    def __iter__(self):
        node = self.head.next
        while node is not self.tail:
            yield node.key
            node = node.next

    def __contains__(self, key):
        return key in self.map

    def __repr__(self):
        return "LRU(" + ", ".join(f"{k!r}: {self.map[k].value!r}" for k in self) + ")"

c = LRU(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c[k] = v
print(c, len(c))
print(c["a"])
c["d"] = 4
print(c, "b" in c, "a" in c)
try:
    c["b"]
except KeyError as e:
    print("KeyError", e)
del c["c"]
print(list(c), c.hits, c.misses)
try:
    del c["zzz"]
except KeyError as e:
    print("KeyError", e)
try:
    LRU(0)
except ValueError as e:
    print(e)
n = _Node()
try:
    n.other = 1
except AttributeError as e:
    print("AttributeError", e)

def lru_cache(capacity):
    def deco(fn):
        cache = LRU(capacity)
        def wrapper(*args):
            try:
                return cache[args]
            except KeyError:
                result = cache[args] = fn(*args)
                return result
        wrapper.cache = cache
        return wrapper
    return deco

@lru_cache(50)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache.hits, paths.cache.misses, len(paths.cache))
