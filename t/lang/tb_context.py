# pyl-test: full-stderr
data = {"a": 1}
try:
    data["b"]
except KeyError:
    print("handling")
    result = data["a"] / 0
