# sys.exit with a string prints it to stderr and exits with status 1
import sys
print("before")
try:
    sys.exit("caught message")
except SystemExit as e:
    print("caught", repr(e.code), e.args)
sys.exit("fatal: something went wrong")
