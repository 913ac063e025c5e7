# an uncaught exception exits with status 1 after stdout is flushed
import sys
print("partial output", end="")
sys.stdout.write(" more")
raise ZeroDivisionError("division by zero in user code")
