# Threads blocked in time.sleep release the GIL: four threads that start
# sleeping together are all asleep at the same moment (every sleep begins before
# the first one ends), however slowly the threads themselves started.
import threading
import time

DELAY = 0.3
N = 4
go = threading.Event()
spans = {}


def sleeper(i):
    go.wait()
    start = time.monotonic()
    time.sleep(DELAY)
    spans[i] = (start, time.monotonic())


threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
print(sorted(spans))
print("overlapped:", max(s for s, e in spans.values()) < min(e for s, e in spans.values()))
print("slept:", all(e - s >= DELAY for s, e in spans.values()))

# file reads release the GIL too: several threads read this file at once
with open(__file__) as f:
    expected = f.read()
counts = {}


def reader(i):
    with open(__file__) as f:
        lines = f.readlines()
    with open(__file__, "rb") as f:
        data = f.read()
    counts[i] = (len(lines), "".join(lines) == expected, len(data) >= len(expected))


threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(set(counts.values())) == [(expected.count("\n"), True, True)], len(counts))
