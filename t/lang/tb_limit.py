# pyl-test: full-stderr
# sys.tracebacklimit keeps only the innermost entries
import sys
sys.tracebacklimit = 2
def a(): b()
def b(): c()
def c(): 1/0
a()
