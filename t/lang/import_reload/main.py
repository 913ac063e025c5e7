# Module identity and re-execution: a module body runs once; deleting it from
# sys.modules makes the next import run it again; module globals, __dict__,
# attribute assignment from outside, and the module type.
import sys
import counter
import counter
print(counter.runs, counter.__name__)
counter.extra = "set from main"
print(counter.describe())
first = counter
del sys.modules["counter"]
import counter
print(counter is first, counter.runs, first.runs, hasattr(counter, "extra"))
print(type(counter).__name__, type(counter) is type(sys))
print(repr(counter).startswith("<module 'counter' from "), repr(sys))
print(counter.__dict__["runs"], vars(counter) is counter.__dict__)
import importlib
m = importlib.import_module("counter")
print(m is counter)
try:
    counter.nothing
except AttributeError as e:
    print(e)
del counter.runs
try:
    counter.runs
except AttributeError as e:
    print(e)
mod_type = type(sys)
fresh = mod_type("fresh", "docstring")
print(fresh.__name__, fresh.__doc__, repr(fresh))
fresh.x = 1
print(fresh.x, sorted(vars(fresh)))
if __name__ == "__main__":
    print("main guard runs")
