# __import__: modules, dotted names, fromlist, errors
sys_mod = __import__("sys")
print(type(sys_mod).__name__, sys_mod.__name__)
import sys
print(__import__("sys") is sys)
m = __import__("sys", globals(), locals(), [], 0)
print(m is sys)
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError:", e)
import builtins
print(builtins.__import__ is __import__, builtins.len is len)
