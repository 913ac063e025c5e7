# A generator pipeline: source -> filter -> map -> sum, plus a generator expression.
def source(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def scaled(it, k):
    for x in it:
        yield x * k


def run(n):
    total = sum(scaled(evens(source(n)), 3))
    total += sum(x + 1 for x in source(n // 2))
    return total


print(run(2_000_000))
