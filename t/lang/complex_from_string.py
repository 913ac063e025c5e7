# complex() from strings: every accepted form and the malformed ones
ok = ["1", "1j", "-1j", "+1j", "j", "J", "-j", "+j", "1+j", "1-j", "1+2j", "1-2j", "-1.5e3-2.5e-3j",
      " ( -1.5e3-infj ) ", "(1+2j)", " (1+2j) ", "( 1+2j )", "\t1j\n", "inf", "-inf", "infj", "-infj",
      "nan", "nanj", "-nanj", "inf+nanj", "Infinity", "-INFINITYj", "NaN+NaNj", "1e500", "1e500j",
      "1e-500j", "1_000", "1_000j", "1_0.5_0j", "1.", "1.j", ".5", ".5j", "1e5", "1E+5j", "00", "0j",
      "-0", "-0j", "-0-0j", "0-0j", "1+1J", "\u0661\u0662", "\u0661j", "\u2003 2j \u2003", "1+0j",
      "(1)", "(j)", "3.14159265358979323846264338327950288419716939937510j", "1e308+1e308j"]
bad = ["", " ", "()", "(", ")", "(1", "1)", "1+", "1-", "+", "-", "1+2", "1 + 2j", "1j+2", "1jj", "j1",
       "1+2jj", "1++2j", "1+-2j", "(1+2j", "1+2j)", "((1+2j))", "1e", "1e+j", "1.2.3", "abc",
       "1_", "_1", "1__0", "1_j", "1._5", "1e_5", "1\x00", "\x00", "1+2j\x00", "0x1", "0x1j",
       "infinit", "nanx", "1+nan", "j+1", "2jj", "1 j", "- 1j", "1+ 2j", "1.0.0j", "\u00e91j"]
for s in ok:
    try:
        print(repr(s), repr(complex(s)))
    except Exception as e:
        print(repr(s), "ERR", type(e).__name__, e)
for s in bad:
    try:
        print(repr(s), repr(complex(s)))
    except Exception as e:
        print(repr(s), "ERR", type(e).__name__, e)
for args in [("1", 2), ("1", "2"), (1, "2"), ("1", None)]:
    try:
        print(complex(*args))
    except Exception as e:
        print(args, "ERR", type(e).__name__, e)
class S(str):
    pass
print(repr(complex(S("1+2j"))))
try:
    complex(S("1+2j"), 1)
except TypeError as e:
    print(e)
try:
    complex(imag="1")
except TypeError as e:
    print(e)
