# Context managers written as classes wrapping generators (what
# contextlib.contextmanager does), used to time, lock and redirect.
class contextmanager:
    def __init__(self, func):
        self.func = func
    def __call__(self, *args, **kwargs):
        return _GenCtx(self.func(*args, **kwargs))
class _GenCtx:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException as e:
            if e is v:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("html") as h:
    with tag("body"):
        print("content in", h)
@contextmanager
def suppress(*types):
    try:
        yield
    except types as e:
        print("suppressed", type(e).__name__)
with suppress(KeyError, IndexError):
    {}["missing"]
with suppress(KeyError):
    [][1] if False else None
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped", e)
log = []
@contextmanager
def recording(name):
    log.append("open " + name)
    yield len(log)
    log.append("close " + name)
with recording("x") as n1, recording("y") as n2:
    log.append(f"body {n1} {n2}")
print(log)
