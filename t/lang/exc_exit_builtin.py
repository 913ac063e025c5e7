# the exit() and quit() builtins raise SystemExit(code), closing sys.stdin first
import sys
for label, fn in (("exit", exit), ("quit", quit)):
    for args in [(), (0,), (3,), ("message",), (None,)]:
        try:
            fn(*args)
        except SystemExit as e:
            print(label, args, repr(e.code), e.args)
try:
    exit(code=5)
except SystemExit as e:
    print("keyword", e.code)
print(sys.stdin.closed)
print("before exit")
exit(4)
