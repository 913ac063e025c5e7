# from M import *: __all__ when present, else every public name; not the
# module's own imports of private names.
from lib_all import *
print(sorted(n for n in dir() if not n.startswith("__")))
from lib_noall import *
print(sorted(n for n in dir() if not n.startswith("__")))
print(public(), CONST)
try:
    _private
except NameError as e:
    print("NameError", e)
def inner():
    exec("from lib_all import *")
inner()
import lib_all, lib_noall
print(lib_all.__all__, sorted(k for k in vars(lib_noall) if not k.startswith("__")))
