# json.loads / load: values, hooks, positions of errors
import io
import json

for s in ['null', 'true', 'false', '0', '-0', '12', '-3.25', '1e3', '1E-2', '2.5e+2', '1' * 30,
          '"x"', '""', '[]', '{}', ' [ 1 , 2 ] ', '\t{"a" : [ ] }\n', '"\\u00e9\\u20ac"',
          '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00\\ud800x"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
          '"caf\u00e9"', 'NaN', 'Infinity', '-Infinity', '[1.0, 1.5e300, -1e-300]',
          '{"a": 1, "a": 2}', '{"nested": {"list": [[], [{}], {"k": null}]}}']:
    v = json.loads(s)
    print(repr(s), repr(v), type(v).__name__)

print(json.loads(b'{"a": "\xc3\xa9"}'), json.loads(bytearray(b"[1]")))
print(json.loads('"\u00e9\u00e9"'), json.loads('{"\u00e9": "\u00e9"}'))
print(json.loads('[1, 2.5]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('"a\tb"', strict=False), json.JSONDecoder().raw_decode('[1] tail'))
print(json.JSONDecoder().raw_decode('xx{"a": "\u00e9"} tail', 2))
print(json.load(io.StringIO('{"from": "file"}')))

for s in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\x"', '"\\u12"',
          '"a\x01"', '[1] x', 'nul', '-', '1.', '01', '{"a":1', '[', '[1,\n  2,\n  x]', '"\\',
          '{', '{"a"', '{"a":', '[1,', 'tru', '\ufeff1', '"\u00e9\u00e9" x', '\n\n  [\n  "\u00e9",',
          '-x', '[-]', '1e', '.5', '"\\ud800\\u12"', '{"a":1 "b":2}']:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), "JSONDecodeError", e, (e.msg, e.pos, e.lineno, e.colno), e.doc == s)
for bad in [1, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)
print(issubclass(json.JSONDecodeError, ValueError))
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError", e)
obj = {"k%d" % i: [i, str(i), i / 2, {"n": None}] for i in range(200)}
print(json.loads(json.dumps(obj)) == obj, json.loads(json.dumps(obj, indent=3)) == obj)
