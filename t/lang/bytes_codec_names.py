# encoding name normalisation and unknown encodings
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for name in ["utf-8", "UTF-8", "utf8", "UTF_8", "utf 8", " utf-8 ", "utf--8", "U8", "utf", "cp65001", "latin1", "latin-1",
             "Latin 1", "iso-8859-1", "ISO8859-1", "iso_8859_1", "l1", "8859", "cp819", "ascii", "US-ASCII", "646",
             "us", "utf-16", "UTF16", "u16", "utf_16le", "UTF-16BE", "utf-32", "u32", "utf_32_be", "utf-8-sig",
             "utf_8_sig", "cp1252", "windows-1252", "unicode-escape", "Unicode_Escape", "raw_unicode_escape",
             "utf8-sig", "utf-8.", "utf.8", "ut-f8", "bogus", "", "rot13", "\u00e9"]:
    t(lambda: (name, "é€".encode(name, "replace")))
t(lambda: b"x".decode(""))
t(lambda: "x".encode("utf-8\x00"))
