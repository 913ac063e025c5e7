# pyl-test: full-stderr
# a failing assert: the location is the whole statement
x = 1
assert x == 2, f"x should be 2, not {x}"
