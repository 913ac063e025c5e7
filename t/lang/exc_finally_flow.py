# try/except/else/finally with return, break and continue in every position
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def finally_swallows():
    try:
        1 / 0
    finally:
        return "swallowed"
print(finally_swallows())

def else_runs(x):
    log = []
    try:
        log.append("try")
        if x:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
        return log
    finally:
        log.append("finally")
    log.append("after")
    return log
print(else_runs(False), else_runs(True))

def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())

def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_before_finally())

def finally_counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
print(finally_counter())

def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append("outer caught " + str(e))
    finally:
        log.append("outer finally")
    return log
print(nested())

def loop_with_finally():
    log = []
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            log.append(("body", i))
        finally:
            log.append(("fin", i))
    else:
        log.append("else")
    return log
print(loop_with_finally())

def while_finally():
    i = 0
    log = []
    while True:
        try:
            i += 1
            if i > 2:
                return log
        finally:
            log.append(i)
print(while_finally())

def exception_in_except():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise KeyError("second")
        finally:
            print("finally runs on the way out")
    except KeyError as e:
        return repr(e), repr(e.__context__)
print(exception_in_except())

def bare_except():
    try:
        [][1]
    except:
        return "bare"
print(bare_except())

def except_order():
    try:
        {}[0]
    except LookupError:
        return "LookupError first"
    except KeyError:
        return "KeyError"
print(except_order())

def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(exc_var_cleared())

def tuple_handler(v):
    try:
        if v == 0:
            raise KeyError
        if v == 1:
            raise IndexError
        raise TypeError
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
print([tuple_handler(v) for v in range(3)])

def handler_expr():
    classes = [KeyError]
    try:
        raise KeyError
    except classes[0]:
        return "dynamic"
print(handler_expr())

try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in generator_finally():
    print("got", v)
    break
print("after loop")

def sys_exc():
    import sys
    try:
        raise KeyError("in handler")
    except KeyError:
        print(type(sys.exc_info()[1]).__name__, sys.exc_info()[0].__name__)
    print(sys.exc_info())
sys_exc()
