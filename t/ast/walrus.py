(x := 1)
if (n := len(a)) > 10:
    pass
while (line := f.readline()):
    pass
[y := f(x), y**2]
f(a := 1)
x = (y := 2)
print((z := 3), z)
{(a := 1): (b := 2)}
a[b := 1]
a[(b := 1)]
[x for x in y if (z := x)]
(w := lambda: 1)
