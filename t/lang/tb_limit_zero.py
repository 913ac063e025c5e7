# pyl-test: full-stderr
# sys.tracebacklimit = 0: only the exception lines, for each chained exception
import sys
sys.tracebacklimit = 0
def a(): b()
def b(): 1/0
try:
  a()
except Exception as e:
  raise KeyError(1)
