# str.format_map
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "{x} {y}".format_map({"x": 1, "y": 2}))
t(lambda: "{x}".format_map({}))
t(lambda: "{0}".format_map({}))
t(lambda: "{}".format_map({}))
t(lambda: "plain".format_map(1))
t(lambda: "{x}".format_map(1))
t(lambda: "{x[0]:>3}".format_map({"x": "ab"}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
t(lambda: "{name} is {age}".format_map(Default(name="Ann")))
class M:
    def __getitem__(self, k):
        return k * 2
t(lambda: "{ab}-{c}".format_map(M()))
t(lambda: "{x}".format_map())
t(lambda: "{x}".format_map({}, {}))
