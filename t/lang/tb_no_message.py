# pyl-test: full-stderr
# exception classes raised bare, and a message-less exception in a nested call
def inner():
    raise NotImplementedError

def outer():
    try:
        inner()
    except NotImplementedError:
        raise KeyError
outer()
