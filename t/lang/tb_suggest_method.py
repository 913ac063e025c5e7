# pyl-test: full-stderr
# a misspelt method of a builtin type: dir() of the object is searched
items = [3, 1, 2]
items.sort()
items.apend(4)
