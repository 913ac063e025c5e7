# Implicit and explicit exception chaining: __context__, __cause__, __suppress_context__
def show(e):
    chain = []
    while e is not None:
        chain.append((type(e).__name__, str(e), e.__cause__ is not None, e.__suppress_context__))
        e = e.__cause__ if e.__cause__ is not None else (None if e.__suppress_context__ else e.__context__)
    print(chain)

try:
    try:
        {}["k"]
    except KeyError:
        int("x")
except ValueError as e:
    show(e)
    print(type(e.__context__).__name__, e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("bad") from z
except ValueError as e:
    show(e)
    print(e.__context__ is e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise ValueError("direct") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)

try:
    raise ValueError("cls") from KeyError
except ValueError as e:
    print(repr(e.__cause__))

try:
    raise ValueError("bad cause") from 5
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            raise TypeError("c")
except TypeError as e:
    show(e)

try:
    try:
        raise KeyError("a")
    finally:
        raise IndexError("from finally")
except IndexError as e:
    show(e)

def reraise_same():
    try:
        raise ValueError("once")
    except ValueError as e:
        raise e
try:
    reraise_same()
except ValueError as e:
    print(e.__context__)

try:
    try:
        raise ValueError("x")
    except ValueError as e1:
        try:
            raise e1
        except ValueError as e2:
            print(e1 is e2, e2.__context__)
except Exception:
    pass

e = ValueError("manual")
e.__cause__ = KeyError("k")
print(e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = IndexError("i")
print(repr(e.__context__), repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)
for attr in ("__cause__", "__context__"):
    try:
        delattr(e, attr)
    except TypeError as err:
        print("TypeError:", err)
try:
    e.__context__ = "s"
except TypeError as err:
    print("TypeError:", err)

try:
    try:
        raise ValueError("v")
    except ValueError:
        pass
    raise KeyError("after handled")
except KeyError as e:
    print("context after handled:", e.__context__)

def gen():
    try:
        yield 1
    except GeneratorExit:
        raise
g = gen()
next(g)
g.close()
print("closed")
