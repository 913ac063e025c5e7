# A JSON-like serializer/deserializer written in Python: recursion over nested
# containers, isinstance dispatch, string escapes, a recursive-descent reader,
# and error reporting with positions.
def dumps(obj, indent=None, _level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (_level + 1))
    end = "" if indent is None else "\n" + " " * (indent * _level)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "".join(out) + '"'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + ",".join(pad + dumps(v, indent, _level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = (pad + dumps(str(k)) + ": " + dumps(v, indent, _level + 1) for k, v in obj.items())
        return "{" + ",".join(items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not serializable")

class DecodeError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos

def loads(text):
    pos = 0
    def skip():
        nonlocal pos
        while pos < len(text) and text[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        skip()
        if pos >= len(text):
            raise DecodeError("unexpected end", pos)
        c = text[pos]
        if c == "{":
            pos += 1
            result = {}
            skip()
            if text[pos] == "}":
                pos += 1
                return result
            while True:
                skip()
                k = value()
                skip()
                if text[pos] != ":":
                    raise DecodeError("expected ':'", pos)
                pos += 1
                result[k] = value()
                skip()
                if text[pos] == ",":
                    pos += 1
                elif text[pos] == "}":
                    pos += 1
                    return result
                else:
                    raise DecodeError("expected ',' or '}'", pos)
        if c == "[":
            pos += 1
            result = []
            skip()
            if text[pos] == "]":
                pos += 1
                return result
            while True:
                result.append(value())
                skip()
                if text[pos] == ",":
                    pos += 1
                elif text[pos] == "]":
                    pos += 1
                    return result
                else:
                    raise DecodeError("expected ',' or ']'", pos)
        if c == '"':
            pos += 1
            out = []
            while text[pos] != '"':
                if text[pos] == "\\":
                    esc = text[pos + 1]
                    if esc == "u":
                        out.append(chr(int(text[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    out.append({"n": "\n", '"': '"', "\\": "\\"}[esc])
                    pos += 2
                else:
                    out.append(text[pos])
                    pos += 1
            pos += 1
            return "".join(out)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        if start == pos:
            raise DecodeError(f"unexpected {c!r}", pos)
        num = text[start:pos]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    result = value()
    skip()
    if pos != len(text):
        raise DecodeError("extra data", pos)
    return result

data = {"name": "pyl", "tags": ["fast", "small", "caf\u00e9"], "ok": True, "none": None,
        "nested": {"pi": 3.14159, "big": 2 ** 70, "neg": -1.5e-7, "empty": [], "e": {}},
        "quote": 'say "hi"\n', (1, 2): "tuple key"}
text = dumps(data)
print(text)
print(dumps(data, indent=2))
back = loads(text)
print(back == {str(k): v for k, v in data.items()})
for bad in ['{"a" 1}', "[1, 2", "[1,, 2]", '{"a": tru}', "1 2", ""]:
    try:
        loads(bad)
    except DecodeError as e:
        print(repr(bad), "->", e, e.pos)
    except (IndexError, KeyError) as e:
        print(repr(bad), "->", type(e).__name__)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
