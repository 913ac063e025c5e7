a.b
a.b.c.d
a.b().c
a[0].b
(a).b
a.b[c].d(e)
x = a.b.c = d.e
1 .real
1.0.real
"s".join(x)
f().g().h()
