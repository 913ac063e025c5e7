# The _thread module: start_new_thread, locks, identities and limits.
import _thread
import time

print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX, _thread.LockType.__name__)
print(type(_thread.allocate_lock()) is _thread.LockType, _thread.allocate is _thread.allocate_lock or True)
print(_thread.stack_size(), _thread.stack_size(0))
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)

main_ident = _thread.get_ident()
print(type(main_ident).__name__, type(_thread.get_native_id()).__name__)

lock = _thread.allocate_lock()
results = []
finished = _thread.allocate_lock()
remaining = [3]


def work(a, b, *, c=0):
    with lock:
        results.append((a, b, c, _thread.get_ident() != main_ident))
        remaining[0] -= 1
        if remaining[0] == 0:
            finished.release()


finished.acquire()
for i in range(3):
    ident = _thread.start_new_thread(work, (i, i * 2), {"c": i * 3})
    assert isinstance(ident, int)
finished.acquire()  # released by the last worker
print(sorted(results))
deadline = time.monotonic() + 5
while _thread._count() and time.monotonic() < deadline:
    time.sleep(0.005)
print("count", _thread._count())

for args in ((1, ()), (print, []), (print, (), [])):
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)

# SystemExit ends a thread quietly; _thread.exit raises it
ended = _thread.allocate_lock()
ended.acquire()


def leave():
    try:
        _thread.exit()
    finally:
        ended.release()


_thread.start_new_thread(leave, ())
print(ended.acquire(timeout=5))

# RLock from _thread
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._recursion_count())
print(r._release_save()[0], r._is_owned())
r._acquire_restore((2, _thread.get_ident()))
print(r._recursion_count(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
