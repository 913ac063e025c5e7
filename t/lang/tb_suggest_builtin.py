# pyl-test: full-stderr
# a misspelt builtin inside a function: locals, then globals, then builtins are searched
def report(items):
    total = len(items)
    prnt("total", total)

report([1, 2])
