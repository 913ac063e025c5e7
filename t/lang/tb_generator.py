# pyl-test: full-stderr
# an error inside a generator consumed by a for loop and by next()
def numbers(limit):
    for i in range(limit):
        if i == 2:
            raise ValueError(f"bad number {i}")
        yield i

total = 0
for n in numbers(5):
    total += n
