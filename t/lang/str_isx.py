# the is* predicates on ASCII text
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

samples = ["", "abc", "ABC", "Abc", "aBC", "abc123", "123", "12.5", " ", " \t\n", "Hello World", "Hello world",
           "HELLO WORLD", "_id", "2x", "x2", "a b", "\x00", "print", "A1", "1A", "a_b", "\x7f", "~!", "They'Re"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
t(lambda: "a".isalpha(1))
t(lambda: str.isdigit(1))
