# urllib.parse: quote / unquote and the query-string functions
from urllib.parse import (quote, quote_plus, unquote, unquote_plus, quote_from_bytes,
                          unquote_to_bytes, urlencode, parse_qs, parse_qsl)

for s in ["", "abc", "a b", "a/b c?d=e&f", "~_.-", "caf\u00e9", "\u20ac100", "50%", "a+b",
          "\U0001F600", "<>\"'#{}|\\^`[]"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), quote(s, safe="/ "),
          quote_plus(s, safe="/"))
print(quote(b"\x00\xff a/"), quote_from_bytes(b"a b/"), quote_plus(b"x y"))
print(quote("\u00e9", encoding="latin-1"), quote("\u20ac", encoding="ascii", errors="replace"))
for s in ["", "abc", "a%20b", "a+b", "%e2%82%ac", "%E2%82%AC%20x", "%", "%2", "%zz", "%41%4",
          "caf%C3%A9", "%ff", "%ff%fe", "100%", "%%41", "\u00e9%20"]:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(unquote("%e9", encoding="latin-1"), unquote("%ff", errors="strict" if False else "ignore"))
print(unquote(b"a%20b"))

for qs in ["a=1&b=2", "a=1&a=2&b=", "a&b=&c=3", "", "&&", "x=%20y+z&%C3%A9=%E2%82%AC",
           "a=1;b=2", "=v&k=", "k==v"]:
    print(repr(qs), parse_qsl(qs), parse_qsl(qs, keep_blank_values=True), parse_qs(qs),
          parse_qs(qs, keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qsl(b"a=1&b=%20"), parse_qs(b"x=1&x=2"))
for args in [("a=1&b", {"strict_parsing": True}), ("a=1&&b=2", {"strict_parsing": True}),
             ("a=1&b=2&c=3", {"max_num_fields": 2}), ("a=1", {"separator": ""}),
             ("a=1", {"separator": None})]:
    try:
        print(parse_qsl(args[0], **args[1]))
    except ValueError as e:
        print("ValueError", e)

print(urlencode({"a": 1, "b": "x y", "c": "\u00e9&="}))
print(urlencode([("k", "v1"), ("k", "v2"), ("e", "")]))
print(urlencode({"k": ["a", "b"], "n": 3, "s": "str"}, doseq=True))
print(urlencode({"k": ["a", "b"]}), urlencode({"k": ("a", "b")}, doseq=False))
print(urlencode({"p": "a/b c"}, safe="/"), urlencode({"p": "a b"}, quote_via=quote))
print(urlencode({b"k": b"v w"}), urlencode({}), urlencode([]))
for bad in ["abc", 5, [1, 2]]:
    try:
        urlencode(bad)
    except TypeError as e:
        print("TypeError", e)
