# str.format: automatic and manual numbering, keywords, attribute and index lookups,
# conversions, nested replacement fields, and the errors
print("{} {} {}".format(1, "a", None), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{0.real} {0.imag}".format(3 + 4j))
class P:
    x = 5
    items = [7, 8]
print("{p.x} {p.items[1]} {p.items}".format(p=P()), "{0!r} {0!s} {0!a}".format("é"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^9}".format("mid"), "{0:{1}}|".format("w", 6))
print("{:{}{}}".format(3.14159, ".", "3"), "{0:{fill}{align}{width}}".format("n", fill="-", align=">", width=5))
print("{{literal}} {}".format(1), "{}{{".format(2), "}}{}".format(3))
print("{0:d} {0:x} {0:o} {0:b} {0:#x} {0:#o} {0:#b} {0:X} {0:#X} {0:c}".format(65))
print("{:e} {:E} {:f} {:F} {:g} {:G} {:%} {:n}".format(*[1234.5678] * 8))
print("{:,} {:_} {:_x} {:,.2f} {:_b}".format(1234567, 1234567, 0xdeadbeef, 9876543.21, 255))
print("{:+} {:+} {: } {: } {:-} {:-}".format(5, -5, 5, -5, 5, -5))
print("{:08.3f} {:<08} {:^08} {:=+8} {:010,}".format(-3.14159, 7, 7, 42, 1234567))
print("{:.0f} {:.0f} {:.0f} {:.0e} {:#.0f} {:.3g} {:#.3g} {:g}".format(0.5, 1.5, 2.5, 12345, 3, 1.0, 1.0, 1e-5))
print("{:s} {:10s}| {:.2s} {!r:>6}".format("str", "pad", "truncate", "q"))
print("{0} {0[1]}".format("seq"), "{x[a]}".format(x={"a": "dict key"}), "{0[-1]}".format({"-1": "neg"}))
print("{:>{w}.{p}f}".format(2.71828, w=10, p=2), "{:{}}".format("a", 3) + "|")
print("{:z.1f} {:z.1f}".format(-0.04, 0.04), "{:.2%}".format(1 / 3), "{:,d}".format(-1000000))
for fmt, args, kwargs in [("{} {1}", (1, 2), {}), ("{0} {}", (1, 2), {}), ("{2}", (1,), {}),
                          ("{x}", (), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}),
                          ("{", (), {}), ("}", (), {}), ("{0!x}", (1,), {}), ("{:d}", ("s",), {}),
                          ("{:x}", (1.5,), {}), ("{0:{1}}", (1, "bad"), {}), ("{:,s}", ("a",), {}),
                          ("{0[}", (1,), {}), ("{!r", (1,), {}), ("{:=}", ("a",), {}), ("{0]}", (1,), {})]:
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("{a}{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age}".format_map(Default(name="pyl")))
