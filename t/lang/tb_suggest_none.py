# pyl-test: full-stderr
# no close candidate: no suggestion; the case-only difference is preferred
Value = 1
value_total = 2
print(VALUE + 1)
