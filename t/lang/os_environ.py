# os.environ, getenv, putenv (this test sets and removes only its own names)
import os

print(type(os.environ).__name__, isinstance(os.environ.copy(), dict))
print(os.getenv("PYL_TEST_SURELY_UNSET"), os.getenv("PYL_TEST_SURELY_UNSET", "dflt"))
print("PYL_TEST_SURELY_UNSET" in os.environ, os.environ.get("PYL_TEST_SURELY_UNSET", 5))
try:
    os.environ["PYL_TEST_SURELY_UNSET"]
except KeyError as e:
    print("KeyError", e)
os.environ["PYL_OS_ENV_A"] = "one"
print(os.environ["PYL_OS_ENV_A"], os.getenv("PYL_OS_ENV_A"), "PYL_OS_ENV_A" in os.environ)
print(os.environ.setdefault("PYL_OS_ENV_A", "two"), os.environ.setdefault("PYL_OS_ENV_B", "b"))
os.environ.update({"PYL_OS_ENV_C": "c"}, PYL_OS_ENV_D="d")
print(sorted(k for k in os.environ if k.startswith("PYL_OS_ENV_")))
print(sorted((k, v) for k, v in os.environ.items() if k.startswith("PYL_OS_ENV_")))
print(os.environ.pop("PYL_OS_ENV_D"), os.environ.pop("PYL_OS_ENV_D", "gone"))
del os.environ["PYL_OS_ENV_C"]
try:
    del os.environ["PYL_OS_ENV_C"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["PYL_OS_ENV_X"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    os.environ[2] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    os.environ["A=B"] = "x"
except ValueError as e:
    print("ValueError", e)
try:
    os.environ.pop("PYL_OS_ENV_NONE")
except KeyError as e:
    print("KeyError", e)
n = len(os.environ)
os.environ["PYL_OS_ENV_E"] = "\u00e9t\u00e9"
print(len(os.environ) == n + 1, os.environ["PYL_OS_ENV_E"])
for k in ["PYL_OS_ENV_A", "PYL_OS_ENV_B", "PYL_OS_ENV_E"]:
    del os.environ[k]
print(sorted(k for k in os.environ if k.startswith("PYL_OS_ENV_")))
print(repr(os.environ).startswith("environ({"), os.environ == os.environ.copy())
os.putenv("PYL_OS_ENV_P", "p")
os.unsetenv("PYL_OS_ENV_P")
print("PYL_OS_ENV_P" in os.environ, os.get_exec_path({"PATH": "/a:/b"}))
print(type(os.getpid()), os.getpid() > 0, os.getppid() > 0, os.cpu_count() >= 1)
