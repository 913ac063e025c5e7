# an uncaught exception after output: stdout is flushed, the status is 1
import sys
print("line 1")
sys.stdout.write("line 2 without newline")
def fail():
    raise OSError(13, "Permission denied", "/root/secret")
fail()
