# repr() and ascii() of strs: quotes and escapes
strs = ["", "abc", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnl\ncr\r", "\x00\x01\x1f\x7f",
        "\x80\x9f\xa0\xad\xff", "é ü ñ", "€ ☃", "\u200b\u200e\u2028\u2029", "\ud800\udfff", "😀 \U0001f600",
        "\U000e0001", "\ue000", "\u0378", "\U0010ffff", "\u3000", "\xa0", "a\x0bb\x0cc"]
for s in strs:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(["a'", 'b"']))
print(str(["é", "\n"]))
