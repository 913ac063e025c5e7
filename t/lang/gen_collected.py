# A generator's finally/except GeneratorExit runs when it is closed, garbage
# collected, or the program ends while it is suspended.
def worker(name):
    try:
        print(name, "start")
        yield 1
        yield 2
    except GeneratorExit:
        print(name, "GeneratorExit")
        raise
    finally:
        print(name, "finally")
a = worker("a")
next(a)
a = None
print("a dropped")
b = worker("b")
next(b)
next(b)
b.close()
print("b closed")
c = worker("c")
print(list(c))
def holder():
    g = worker("d")
    next(g)
    return "returned"
print(holder())
lst = [worker("e")]
next(lst[0])
lst.clear()
print("list cleared")
def with_context():
    class Ctx:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit", a[0].__name__ if a[0] else None)
    with Ctx():
        yield 1
        yield 2
g = with_context()
next(g)
del g
print("ctx gen dropped")
last = worker("f")
next(last)
print("end of program")
