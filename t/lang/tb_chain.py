# pyl-test: full-stderr
def parse(text):
    return int(text)

def load(items):
    total = 0
    for item in items:
        try:
            total += parse(item)
        except ValueError as exc:
            raise RuntimeError(f"bad item {item!r}") from exc
    return total

print(load(["1", "2"]))
load(["3", "x"])
