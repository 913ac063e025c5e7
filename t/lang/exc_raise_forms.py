# the forms of raise and their errors
def attempt(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e), "| cause:", repr(e.__cause__), "| ctx:", repr(e.__context__))

def bare_raise_outside():
    raise
attempt(bare_raise_outside)
def raise_class():
    raise ValueError
attempt(raise_class)
def raise_instance():
    raise ValueError("inst")
attempt(raise_instance)
def raise_non_exception():
    raise 42
attempt(raise_non_exception)
def raise_non_exc_class():
    raise int
attempt(raise_non_exc_class)
class NeedsArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
def raise_class_needing_args():
    raise NeedsArgs
attempt(raise_class_needing_args)
def raise_from_class():
    raise ValueError("v") from KeyError
attempt(raise_from_class)
def raise_from_bad():
    raise ValueError("v") from 1
attempt(raise_from_bad)
def raise_from_instance_ctx():
    try:
        {}["k"]
    except KeyError as k:
        raise ValueError("v") from TypeError("explicit")
attempt(raise_from_instance_ctx)
class NotExc:
    pass
def raise_obj():
    raise NotExc()
attempt(raise_obj)
def reraise_in_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise
attempt(reraise_in_nested)
def reraise_after_handler():
    try:
        raise KeyError("first")
    except KeyError:
        pass
    raise
attempt(reraise_after_handler)
def raise_stored():
    saved = None
    try:
        raise IndexError("saved")
    except IndexError as e:
        saved = e
    raise saved
attempt(raise_stored)
def raise_in_finally_after_return():
    try:
        return 1
    finally:
        raise RuntimeError("finally wins")
attempt(raise_in_finally_after_return)
def raise_generator_exit():
    raise GeneratorExit
attempt(raise_generator_exit)
def raise_stop_in_gen():
    def g():
        yield 1
        raise StopIteration("inside")
    list(g())
attempt(raise_stop_in_gen)
class Custom(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
def raise_custom():
    raise Custom("custom", code=7)
try:
    raise_custom()
except Custom as e:
    print(e, e.code, e.args)
e1 = ValueError("reused")
for i in range(2):
    try:
        raise e1
    except ValueError as e:
        print(i, e is e1, e.__traceback__ is not None)
