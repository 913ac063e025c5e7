# An event bus: decorators registering handlers, class-based listeners with
# __call__, weak ordering by priority, generators for replay, and __init_subclass__.
from collections_like import OrderedRegistry

bus = OrderedRegistry()

def on(event, priority=0):
    def deco(fn):
        bus.add(event, priority, fn)
        return fn
    return deco

@on("start")
def greet(payload):
    return f"hello {payload}"

@on("start", priority=10)
def first(payload):
    return f"first sees {payload}"

class Counter:
    def __init__(self):
        self.seen = 0
    def __call__(self, payload):
        self.seen += 1
        return f"counted {self.seen}"

counter = Counter()
bus.add("tick", 0, counter)
bus.add("start", -5, counter)

class Plugin:
    registry = []
    def __init_subclass__(cls, event=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(cls.__name__)
        if event:
            bus.add(event, 1, cls().handle)

class Logger(Plugin, event="tick"):
    def handle(self, payload):
        return f"log {payload}"

class Silent(Plugin):
    pass

for name, payload in [("start", "world"), ("tick", 1), ("tick", 2), ("stop", None)]:
    print(name, bus.emit(name, payload))
print(Plugin.registry, counter.seen)
print(list(bus.replay()))
print(len(bus), "start" in bus, "nope" in bus)
