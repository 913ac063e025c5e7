if x:
    pass
if x:
    a
else:
    b
if x:
    a
elif y:
    b
elif z:
    c
else:
    d
if x: a; b
if (n := len(a)) > 10: pass
if x:
    if y:
        pass
    else:
        pass
