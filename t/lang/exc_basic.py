def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return 1 / 0
        if x == 2:
            return {}["k"]
        return x
    except ValueError as e:
        return "VE:" + str(e)
    except (ZeroDivisionError, KeyError) as e:
        return type(e).__name__ + ":" + str(e)
    else:
        print("else for", x)
    finally:
        print("finally for", x)

for i in range(4):
    print(f(i))

try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    raise IndexError
except LookupError as e:
    print("caught", type(e).__name__, e.args)

def reraise():
    try:
        raise ValueError("again")
    except ValueError:
        raise

try:
    reraise()
except ValueError as e:
    print("reraised", e)

try:
    raise Exception("a", 1)
except Exception as e:
    print(e.args, str(e), repr(e))

e = None
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

def finally_return():
    try:
        return "try"
    finally:
        print("cleanup")

print(finally_return())

def finally_overrides():
    try:
        raise ValueError
    finally:
        return "swallowed"

print(finally_overrides())

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)

try:
    raise KeyError("missing") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    finally:
        raise OSError(2, "No such file or directory", "x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
