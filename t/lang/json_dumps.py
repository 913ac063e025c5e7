# json.dumps / dump: types, options, subclasses, errors
import io
import json

print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-12))
print(json.dumps(10**30), json.dumps(1.5), json.dumps(1e100), json.dumps(-0.0), json.dumps(0.1))
print(json.dumps("plain"), json.dumps("quote\" back\\ slash/ \b\f\n\r\t \x00 \x1f \x7f"))
print(json.dumps("caf\u00e9 \u20ac \U0001F600 \udc80"))
print(json.dumps("caf\u00e9 \u20ac \U0001F600", ensure_ascii=False))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[]]), json.dumps([{}]))
print(json.dumps((1, [2, (3,)])))
print(json.dumps({"a": 1, "b": [1, 2], "c": {"d": None}}))
print(json.dumps({3: 1, 2.5: 2, True: 3, False: 4, None: 5, -7: 6}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps([1, {"a": [1, 2], "b": {}}, [], "x"], indent=2))
print(json.dumps({"a": [1, {"b": 2}]}, indent=0))
print(json.dumps({"a": [1, {"b": 2}]}, indent="--"))
print(json.dumps({"a": [1, 2]}, separators=(",", ":")))
print(json.dumps({"a": [1, 2]}, indent=1, separators=(" ,", " : ")))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True, indent=2))


class MyInt(int):
    def __repr__(self):
        return "MyInt!"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    pass


class MyDict(dict):
    pass


class MyList(list):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyDict(a=1), MyList([1])]))
print(json.dumps({MyInt(5): 1, MyStr("k"): 2, MyFloat(0.5): 3}))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def enc(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("nope " + type(o).__name__)


print(json.dumps([Point(1, 2), {3, 1, 2}], default=enc))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps({"z": 1 + 2j}, cls=Enc), Enc(indent=1).encode([1j]))
print("".join(json.JSONEncoder().iterencode({"a": 1})))
buf = io.StringIO()
json.dump({"x": [1, "y"]}, buf, indent=1)
print(buf.getvalue())

for obj, kw in [(object(), {}), ({1j: 1}, {}), ([float("nan")], {"allow_nan": False}),
                ({"a": float("inf")}, {"allow_nan": False}), ({1: 1, "a": 2}, {"sort_keys": True}),
                ([Point(1, 2)], {}), ({1, 2}, {}), (b"bytes", {})]:
    try:
        print(json.dumps(obj, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(Point(0, 0), default=lambda o: o)
except ValueError as e:
    print("ValueError", e)
shared = [1]
print(json.dumps([shared, shared, {"a": shared}]))
deep = []
for _ in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError", e)
