# The built-in exception hierarchy: every class's bases and MRO names
import builtins
names = """BaseException SystemExit KeyboardInterrupt GeneratorExit Exception StopIteration
StopAsyncIteration ArithmeticError FloatingPointError OverflowError ZeroDivisionError
AssertionError AttributeError BufferError EOFError ImportError ModuleNotFoundError
LookupError IndexError KeyError MemoryError NameError UnboundLocalError OSError
BlockingIOError ChildProcessError ConnectionError BrokenPipeError ConnectionAbortedError
ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError
InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError
TimeoutError ReferenceError RuntimeError NotImplementedError RecursionError SyntaxError
IndentationError TabError SystemError TypeError ValueError UnicodeError UnicodeDecodeError
UnicodeEncodeError UnicodeTranslateError Warning DeprecationWarning
PendingDeprecationWarning RuntimeWarning SyntaxWarning UserWarning FutureWarning
ImportWarning UnicodeWarning BytesWarning ResourceWarning EncodingWarning""".split()
for n in names:
    cls = getattr(builtins, n)
    print(n, [c.__name__ for c in cls.__mro__])
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception),
      issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(FileNotFoundError, OSError), issubclass(BrokenPipeError, ConnectionError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(UnicodeDecodeError, ValueError), issubclass(TabError, SyntaxError))
print(BaseException.__base__ is object, Exception.__bases__)
print(type(ValueError), type(ValueError()).__name__, ValueError.__module__)
