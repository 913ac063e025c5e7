*a, b = c
a, *b, c = d
[*a] = b
(*a,) = b
print(*args)
x = [*a, *b, c]
x = (*a,)
for *a, b in c: pass
a = *b,
a = *b, *c
return_ = [*range(3)]
