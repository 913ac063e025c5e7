x = a if b else c
x = a if (b if c else d) else e
x = (a if b else c) if d else e
x = lambda: a if b else c
f(a if b else c)
[a if b else c for a in d]
[a for a in b if c if d]
x = not a if b else c
