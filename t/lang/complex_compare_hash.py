# ==, != and ordering; hash consistent with int and float
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
nan = float("nan")
inf = float("inf")
pairs = [(1j, 1j), (1 + 0j, 1), (1 + 0j, 1.0), (1 + 1j, 1), (1 + 0j, True), (0j, False), (0j, 0),
         (0j, -0.0), (-0j, 0j), (2**53 + 0j, 2**53 + 1), (2**53 + 0j, 2**53), (1e20 + 0j, 10**20),
         (1e23 + 0j, 10**23), (complex(2**63, 0), 2**63), (complex(inf, 0), 10**400), (complex(nan, 0), nan),
         (complex(nan, 0), 1), (1j, "1j"), (1j, None), (1j, [1j]), (complex(1, nan), complex(1, nan)),
         (complex(0.5, 0), 0.5), (complex(0.5, 1), 0.5), (complex(inf, 0), inf)]
for a, b in pairs:
    print(repr(a), repr(b), a == b, b == a, a != b, b != a)
for op in ["<", "<=", ">", ">="]:
    for a, b in [(1j, 2j), (1j, 1), (1, 1j), (1.0, 1j), (1j, "a")]:
        try:
            print(eval("a %s b" % op))
        except TypeError as e:
            print(op, e)
for c in [0j, 1 + 0j, -1 + 0j, 1j, -1j, 1 + 1j, 1.5 + 0j, complex(-2, 0), complex(1, -1),
          complex(2**61 - 1, 0), complex(2**61, 3), complex(inf, 0), complex(0, inf), complex(-inf, -inf),
          complex(1e300, 1e-300), complex(-0.0, -0.0), complex(0, -1 / 1000003), complex(-1, 0), complex(-0.5, 1.5),
          complex(-2, 1), complex(0, -2), complex(-1000003, 1), complex(1, -1)]:
    print(repr(c), hash(c))
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(-1 + 0j) == hash(-1))
print(hash(complex(2**70, 0)) == hash(2**70), hash(complex(0, 1)) == 1000003)
print({1: 'int', 1.0: 'float', 1 + 0j: 'complex'})
print({1 + 0j: 'complex', 1: 'int'})
print(len({0j, 0, 0.0, False, -0j}))
print(1j in {1j: 1}, (1 + 0j) in {1}, 2 in {2 + 0j})
n = complex(nan, 0)
print(n == n, n in [n], [n] == [n], hash(n) == hash(n))
print(sorted([3, 1, 2], key=lambda x: complex(x, 0).real))
