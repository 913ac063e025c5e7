# The demo `make run` runs: a little of everything pyl does today.

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def primes(limit):
    sieve = [True] * (limit + 1)
    found = []
    for i in range(2, limit + 1):
        if sieve[i]:
            found.append(i)
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return found


words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1

print("fib(20) =", fib(20))
print("primes below 50:", primes(50))
print("2 ** 100 =", 2 ** 100)
print("most common word:", max(counts, key=counts.get), counts["the"])
print(f"{'pi':>6} ~ {355 / 113:.6f}")
try:
    {}["missing"]
except KeyError as e:
    print("caught", type(e).__name__, e)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
