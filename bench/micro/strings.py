parts = []
for i in range(1_000_000):
    parts.append(str(i))
joined = ",".join(parts)
s = ""
for i in range(300_000):
    s += "ab"
print(len(joined), len(s), joined[:20])
