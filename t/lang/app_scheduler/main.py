# A cooperative task scheduler built on generators: tasks yield commands
# (sleep, spawn, wait for a channel), a round-robin loop with a virtual clock,
# exceptions thrown into tasks, and task results via StopIteration.value.
import heapq_like as hq

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
class Spawn:
    def __init__(self, gen):
        self.gen = gen
class Recv:
    def __init__(self, chan):
        self.chan = chan

class Scheduler:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.waiting = {}
        self.results = {}
        self.seq = 0
    def spawn(self, gen, name):
        self.ready.append((name, gen, None))
    def send(self, chan, value):
        if self.waiting.get(chan):
            name, gen = self.waiting[chan].pop(0)
            self.ready.append((name, gen, value))
        else:
            print(f"t={self.now}: dropped {value!r} on {chan}")
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                wake, _, name, gen = hq.pop(self.sleeping)
                self.now = wake
                self.ready.append((name, gen, None))
                continue
            name, gen, value = self.ready.pop(0)
            try:
                cmd = gen.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                print(f"t={self.now}: {name} finished -> {stop.value!r}")
                continue
            except Exception as e:
                self.results[name] = e
                print(f"t={self.now}: {name} crashed: {type(e).__name__}: {e}")
                continue
            if isinstance(cmd, Sleep):
                self.seq += 1
                hq.push(self.sleeping, (self.now + cmd.ticks, self.seq, name, gen))
            elif isinstance(cmd, Spawn):
                self.spawn(cmd.gen, f"{name}.child")
                self.ready.append((name, gen, None))
            elif isinstance(cmd, Recv):
                self.waiting.setdefault(cmd.chan, []).append((name, gen))
            else:
                self.ready.append((name, gen, None))

sched = Scheduler()
def worker(label, n, delay):
    total = 0
    for i in range(n):
        print(f"t={sched.now}: {label} step {i}")
        total += i
        yield Sleep(delay)
    return total
def consumer():
    got = []
    while len(got) < 2:
        v = yield Recv("box")
        print(f"t={sched.now}: consumer got {v}")
        got.append(v)
    return got
def producer():
    yield Sleep(2)
    sched.send("box", "first")
    yield Sleep(3)
    sched.send("box", "second")
    sched.send("box", "third")
    yield Spawn(worker("grandchild", 2, 1))
    return "produced"
def crasher():
    yield Sleep(1)
    raise RuntimeError("task failed")
sched.spawn(worker("a", 3, 2), "a")
sched.spawn(worker("b", 2, 3), "b")
sched.spawn(consumer(), "consumer")
sched.spawn(producer(), "producer")
sched.spawn(crasher(), "crasher")
sched.run()
print(sched.now, sorted((k, v if not isinstance(v, Exception) else type(v).__name__)
                        for k, v in sched.results.items()))
