# Exceptions a thread does not handle go to threading.excepthook (here a hook
# that prints to stdout); the thread ends, the program goes on.
import sys
import threading

reports = []


def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value),
                    args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook


def fails(msg):
    raise ValueError(msg)


def exits():
    sys.exit(3)


def fine():
    return "ok"


for i, target in enumerate([fails, exits, fine]):
    args = ("bad %d" % i,) if target is fails else ()
    t = threading.Thread(target=target, args=args, name="T%d" % i)
    t.start()
    t.join()
    print(t.name, "alive:", t.is_alive())
print(reports)

# the arguments object
print(threading.ExceptHookArgs.__name__)
a = threading.ExceptHookArgs((KeyError, KeyError("k"), None, None))
print(a.exc_type.__name__, repr(a.exc_value), a.exc_traceback, a.thread, len(a), tuple(a)[0].__name__)


# a hook that itself fails is reported on stderr, the program goes on
def bad_hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = bad_hook
t = threading.Thread(target=fails, args=("again",))
t.start()
t.join()
print("after bad hook")

# SystemExit with the default hook is silent
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=exits)
t.start()
t.join()
print("done", threading.active_count())
