# sys.exit() / sys.exit(None) / raise SystemExit exit with status 0 and print nothing
import sys
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit(0)
except SystemExit as e:
    print("code", e.code)
try:
    raise SystemExit(5)
except BaseException as e:
    print(type(e).__name__, e.code)
try:
    sys.exit()
except Exception:
    print("not reached: SystemExit is not an Exception")
except SystemExit:
    print("SystemExit is a BaseException")
def f():
    try:
        sys.exit(7)
    finally:
        print("finally runs during exit")
try:
    f()
except SystemExit as e:
    print("exit code", e.code)
print("last line")
raise SystemExit
