"""The application examples/embed/embed.c loads and calls through vm/pyl.h."""


def greet(name, punctuation="!", *, times=1):
    print(f"greet() called with {name!r}")  # goes to the embedder's stdout hook
    return " ".join([f"Hello, {name}{punctuation}"] * times)


def total(numbers, *, scale=1):
    host_log(f"{len(numbers)} numbers")  # a function the embedder wrote in C
    return sum(numbers) * scale


def parse(text):
    return int(text)  # raises ValueError: the embedder prints the traceback
