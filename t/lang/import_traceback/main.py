# pyl-test: full-stderr
# An uncaught exception raised inside an imported module's function: the
# traceback shows each module's file and source line.
import helper
print(helper.safe(4))
helper.process([1, 2, 0])
