# Threads blocked in time.sleep release the GIL: four threads sleeping 0.2 s
# each finish in about 0.2 s, not 0.8 s.
import threading
import time

DELAY = 0.2
N = 4
done = []


def sleeper(i):
    time.sleep(DELAY)
    done.append(i)


start = time.monotonic()
threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print(sorted(done))
print("overlapped:", elapsed < 0.5 * DELAY * N)

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
