a + b - c * d / e // f % g @ h ** i
a << b >> c & d ^ e | f
-a, +a, ~a, not a
a ** -b ** c
-a ** b
a and b or c and not d
a or b or c
a and b and c
(a or b) and c
a if b else c if d else e
x = not not a
y = - - + ~ a
z = a * (b + c)
w = ((a))
(await_ := 1)
