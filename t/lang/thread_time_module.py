# The time module (native): clocks, sleep, and broken-down time in UTC.
import time

t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0.02)
time.sleep(0)
print(time.time() >= t1, time.monotonic() - m1 >= 0.019, time.perf_counter() - p1 >= 0.019)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__,
      type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__,
      type(time.process_time_ns()).__name__)
print(abs(time.time_ns() / 1e9 - time.time()) < 1.0)
for bad in (-1, float("nan"), "1", None):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

g = time.gmtime(0)
print(g)
print(tuple(g), g.tm_year, g.tm_wday, g.tm_yday, len(g))
g = time.gmtime(1700000000.75)
print(tuple(g))
print(time.strftime("%Y-%m-%d %H:%M:%S", g), time.strftime("%a %b %j", g))
print(time.asctime(g))
print(time.gmtime(-86400 * 365)[:6])
print(time.strftime("%Y", (2001, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime(""), time.strftime("%%"))
for bad in ((2001, 13, 1, 0, 0, 0, 0, 1, 0), (2001, 1, 32, 0, 0, 0, 0, 1, 0),
            (2001, 1, 1, 24, 0, 0, 0, 1, 0)):
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.strftime("%Y", (1, 2))
except TypeError as e:
    print("TypeError:", e)
lt = time.localtime()
print(len(lt), type(lt).__name__, isinstance(lt, tuple))
now = time.time()
print(abs(time.mktime(time.localtime(now)) - int(now)) <= 1)
print(type(time.ctime()).__name__, len(time.ctime(0)) == 24)
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname))
st = time.struct_time((2020, 2, 29, 12, 30, 15, 5, 60, 0))
print(st.tm_mon, st.tm_mday, st)
