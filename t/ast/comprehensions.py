[x for x in y]
[x for x in y if x]
[x for x in y if x if z]
[x for x in y for z in w]
[x for x in y if x for z in x if z]
[(x, y) for x, y in z]
{x for x in y}
{k: v for k, v in d.items()}
{k: v for k in a for v in b}
(x for x in y)
[x for x in (yield)]
[[y for y in x] for x in z]
[x async for x in y]
[(a := x) for x in y]
[x for x, in y]
[x for *a, b in y]
sum(x for x in y)
[x for x in a if b if c]
