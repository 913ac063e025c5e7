# Literal patterns: numbers and strings compare with ==, None/True/False with `is`.


def describe(x):
    match x:
        case 0:
            return "zero"
        case 1:
            return "one"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus a half"
        case "hello":
            return "greeting"
        case "":
            return "empty string"
        case b"bytes":
            return "some bytes"
        case None:
            return "nothing"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"


for v in [0, 1, -1, 2.5, -0.5, "hello", "", b"bytes", None, True, False, 7, "x", b"", [], -2]:
    print(repr(v), "->", describe(v))

# == semantics: 1.0 and 1 and True all equal 1 ... but the True case is `is`
print(describe(1.0), describe(0.0), describe(-1.0))
# True == 1, and the `1` case comes first
print(describe(True), describe(False))


def singleton(x):
    match x:
        case True:
            return "is True"
        case False:
            return "is False"
        case None:
            return "is None"
        case _:
            return "not a singleton"


for v in [True, False, None, 1, 0, 1.0, 0.0, "", [], ()]:
    print(repr(v), singleton(v))


# big ints, long strings, escapes
def big(x):
    match x:
        case 123456789012345678901234567890:
            return "big"
        case -123456789012345678901234567890:
            return "negative big"
        case "tab\there":
            return "escaped"
        case "\u00e9t\u00e9":
            return "unicode"
        case 0x1F:
            return "hex"
        case 0o17:
            return "octal"
        case 1_000:
            return "underscored"
        case 1e3:
            return "unreachable float (1000 == 1e3)"
    return "none"


for v in [123456789012345678901234567890, -123456789012345678901234567890, "tab\there",
          "été", 31, 15, 1000, 1e3, 5]:
    print(repr(v), big(v))


# a custom __eq__ decides literal matches (the literal is on the right of ==)
class Anything:
    def __eq__(self, other):
        print("  __eq__ with", repr(other))
        return other == 42

    __hash__ = None


match Anything():
    case 1:
        print("matched 1")
    case 42:
        print("matched 42")
    case _:
        print("no")

# strings are compared, not identity
s = "".join(["he", "llo"])
print(describe(s))
