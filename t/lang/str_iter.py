# iterating strs
it = iter("abc")
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stop")
print(list("héllo😀"))
print([c for c in ""])
print(tuple("xy"))
it = iter("abcdef")
next(it)
print(it.__length_hint__())
print(list(reversed("abc")))
print(list(enumerate("ab")))
print("".join(sorted("hello")))
print(set("aab") == {"a", "b"})
u = "é€😀"
print([ord(c) for c in u], [len(c) for c in u])
print(list(map(str.upper, "abc")))
