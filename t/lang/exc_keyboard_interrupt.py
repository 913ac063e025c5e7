# pyl-test: full-stderr
# KeyboardInterrupt is not an Exception; uncaught, it prints a traceback and the
# process ends by SIGINT (exit status 130 in the shell)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong: caught as Exception")
except BaseException as e:
    print("caught", type(e).__name__, repr(e), isinstance(e, Exception))
def loop():
    for i in range(3):
        if i == 2:
            raise KeyboardInterrupt("stop")
loop()
