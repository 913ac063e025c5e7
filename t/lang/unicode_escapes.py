# escapes in string literals: \x \u \U \N{} and octal
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{EURO SIGN}", "\N{GRINNING FACE}", "\N{SNOWMAN}")
print(len("\N{LATIN CAPITAL LETTER A}\N{COMBINING ACUTE ACCENT}"), ascii("\N{COMBINING ACUTE ACCENT}"))
print("\x41\u0042\U00000043\103\0", ascii("\7\77\777"))
print("\N{latin small letter a}\N{Latin Small Letter B}")
print(ascii("\N{NO-BREAK SPACE}\N{ZERO WIDTH SPACE}\N{LINE SEPARATOR}"))
print("\N{HANGUL SYLLABLE GAG}", ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}"))
print(b"\x41\101\n".decode(), r"\N{x}", len(r"\u1234"))
print("a\
b", "tab\there", 'q\'s', "d\"q", "back\\slash")
