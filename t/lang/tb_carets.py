# pyl-test: full-stderr
def index(seq, i):
    return seq[i] * 2

def compute(x, y):
    value = x + y
    return index([value], 3)

print(compute(1, 2) if False else "start")
compute(1,
        2)
