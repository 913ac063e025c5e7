# pyl-test: full-stderr
# iterating over a non-iterable: the for statement is the location
count = 5
for i in count:
    print(i)
