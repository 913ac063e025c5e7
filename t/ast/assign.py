x = 1
x = y = z = 2
a, b = b, a
a, *b = [1, 2, 3]
(a, b), c = (1, 2), 3
[a, [b, c]] = x
x.attr = 1
x[0] = 1
x[1:2] = []
x.y.z[0].w = 5
a = b = c.d = e[f] = g
x = yield_ = 3
t = 1,
(x) = 1
((x)) = ((1))
