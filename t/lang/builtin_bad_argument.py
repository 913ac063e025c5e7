# "argument must be str, not None": CPython's argument checks name None as
# "None" (other types by their name) and number or name the argument.
import sys
cases = ["format(1, None)", "format(1, 5)", "bytes.fromhex(None)", "(1.0).__format__(None)",
         "(1).__format__([])", "''.__format__(None)", "object().__format__(None)",
         "(1j).__format__(None)", "sys.intern(None)", "sys.intern(b'x')",
         "type.__new__(type, None, (), {})", "type.__new__(type, 'x', None, {})",
         "type.__new__(type, 'x', (), None)", "super(None)", "float.__getformat__(None)",
         "open('/dev/null', None)", "(1).to_bytes(1, None)", "'x'.encode(None)",
         "'x'.encode(5)", "b'x'.decode(errors=None)", "type(sys)(None)", "type(sys)(5)"]
for code in cases:
    try:
        eval(code)
        print(code, "-> no error")
    except TypeError as e:
        print(f"{code} -> {e}")
with open("/dev/null", "w") as f:
    for bad in (None, 1, b"x"):
        try:
            f.write(bad)
        except TypeError as e:
            print("write ->", e)
