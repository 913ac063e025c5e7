# pyl-test: full-stderr
# a failing assert whose test is `not` / `and` around comparisons: the traceback
# points at the last comparison evaluated
def f(v):
    return v * 2
x, y = 1, 10
assert not x > 5 and f(x) < 3 < y - 9, "chained"
