# argument errors of builtins written in C, in CPython's order and wording
calls = ['pow(1, 2, 3, 4)', 'round(1, 2, ndigits=3)', '(1).to_bytes(1, "big", True)',
         'sum(iterable=[1])', 'sum()', '"a".split(" ", 1, 2)', '"a".split(1, sep=2)',
         'int.from_bytes()', '"a".encode(1, 2, 3)', 'sorted()', '"a".split(x=1)', 'round()',
         'round(number=1, x=2)', '(1).to_bytes(length=1, byteorder="big", x=2)', 'dict.fromkeys()',
         '"".join()', 'open()', 'open("f", "r", 1, None, None, None, True, None, 9)',
         'print(sep="", x=1)', 'sorted([], key=None, reverse=False, x=1)', '"a".center()',
         '"a".startswith()', '"".replace("a")', '[].sort(1)', '[].index()',
         'int.from_bytes(b"", "big", 1)', 'dict().get()', 'dict().pop()', 'bytes.fromhex()',
         '"a".split(sep="a", maxsplit=1, x=2)', 'min(iterable=[1])', 'max(key=len)',
         'eval(source="1")', 'exec(source="1")', 'eval("1", globals={})', 'len(obj=[])',
         'sorted([], lambda x: x)', 'min([1], key=len, default=0, x=1)', 'int("1", base=2, x=3)',
         'enumerate()', 'zip(strict=True, x=1)', 'iter()', 'next()', 'getattr(1)', 'isinstance(1)',
         'divmod(1)', 'abs()', 'abs(1, 2)', 'chr()', 'repr()', 'format()', 'hash()', 'id()',
         'range(1, 2, 3, 4)', 'str(1, 2, 3, 4)', 'bytes(1, 2, 3, 4)', 'int(1, 2, 3)', 'float(1, 2)',
         'list(1, 2)', 'dict(1, 2)', 'set(1, 2)', 'tuple(1, 2)', 'bool(1, 2)', 'type(1, 2)',
         'vars(1, 2)', 'dir(1, 2)', 'callable()', 'ord()', 'hex()', 'bin(1, 2)']
for c in calls:
    try:
        eval(c)
        print(c, "ok")
    except Exception as e:
        print(c, "|", type(e).__name__, e)
