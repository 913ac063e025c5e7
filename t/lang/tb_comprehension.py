# pyl-test: full-stderr
# frames of comprehensions, generator expressions and lambdas in a traceback
def parse_all(rows):
    return [parse(r) for r in rows]

def parse(row):
    return sum(int(x) for x in row.split(","))

convert = lambda rows: parse_all(rows)
print(convert(["1,2", "3"]))
convert(["1,2", "3,x"])
