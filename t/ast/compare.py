a < b
a < b < c
a == b != c <= d >= e > f
a is b
a is not b
a in b
a not in b
not a in b
a < b == c is not d not in e
x = 1 < 2 and 3 > 2
