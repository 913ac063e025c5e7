# str.encode with codecs and error handlers
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "aé€😀"
for enc in ["utf-8", "UTF8", "utf_8", "U8", "utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be", "utf-8-sig",
            "unicode_escape", "raw-unicode-escape"]:
    t(lambda: s.encode(enc))
t(lambda: "abc".encode())
t(lambda: "abc".encode("ascii"))
t(lambda: "abc".encode("latin1"))
t(lambda: "é".encode("latin-1"))
t(lambda: "é".encode("ISO-8859-1"))
t(lambda: s.encode("ascii"))
t(lambda: s.encode("latin-1"))
for err in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    t(lambda: s.encode("ascii", err))
    t(lambda: s.encode("latin-1", errors=err))
t(lambda: "aé€x".encode("ascii"))
t(lambda: "\ud800".encode())
t(lambda: "a\ud800\udc00b".encode())
t(lambda: "\ud800".encode("utf-8", "surrogatepass"))
t(lambda: "\udcff".encode("utf-8", "surrogateescape"))
t(lambda: "\ud800".encode("utf-8", "surrogateescape"))
t(lambda: "a\udc80".encode("ascii", "surrogateescape"))
t(lambda: "x\ud800y".encode("utf-8", "replace"))
t(lambda: "x\ud800y".encode("utf-8", "backslashreplace"))
t(lambda: "x\ud800y".encode("utf-8", "ignore"))
t(lambda: "x\ud800y".encode("utf-8", "xmlcharrefreplace"))
t(lambda: "\ud800".encode("utf-16"))
t(lambda: "\ud800".encode("utf-16", "surrogatepass"))
t(lambda: "€".encode("cp1252"))
t(lambda: "ā".encode("cp1252"))
t(lambda: "ā".encode("windows-1252", "replace"))
t(lambda: "abc".encode("bogus"))
t(lambda: "abc".encode("utf-8", "bogus"))
t(lambda: "é".encode("ascii", "bogus"))
t(lambda: "abc".encode(1))
t(lambda: "abc".encode(None))
t(lambda: "abc".encode(errors=1))
t(lambda: "abc".encode("utf-8", "strict", 1))
t(lambda: "abc".encode(encoding="ascii", errors="strict"))
try:
    "xé".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
