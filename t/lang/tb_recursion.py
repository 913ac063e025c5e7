# pyl-test: full-stderr
def countdown(n):
    return countdown(n - 1)

countdown(10)
