def build(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
    joined = ",".join(parts)
    s = ""
    for i in range(n):
        s += "ab"
    return joined, s

joined, s = build(1_000_000)
print(len(joined), len(s), joined[:20])
