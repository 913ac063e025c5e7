def safe(n):
    return n * 2

def divide(x):
    return 10 // x

def process(items):
    return [divide(i) for i in items]
