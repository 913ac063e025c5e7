x = 1 + \
    2
if a and \
   b:
    pass
y = [1,
     2,
# comment
     3]
z = {
    'a': 1,  # trailing
    'b': 2
}
def f(a,
      b): return a
s = "abc" \
    "def"
