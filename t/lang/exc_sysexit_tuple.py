# SystemExit with several arguments: the tuple is printed and the status is 1
import sys
print("start", flush=True)
sys.exit((1, "two"))
