# pyl-test: full-stderr
# an attribute access split over lines is reported at the attribute's line
def f(x):
    return (x.
            attribute)
f(1)
