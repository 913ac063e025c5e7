# ast-attrs
import a.b as c
from .x import (y as z,
                w)
@dec
def g(*args, **kwargs) -> int: ...
for i, j in enumerate(x): print(i)
with open(f) as fh, open(g): pass
try:
    pass
except E as e:
    pass
lambda a, b=2: a
[i for i in r if i]
{**d}
a[1:2, ::3]
del a, b[0]
global q
assert x, y
raise E from F
x: int = 3
x += 1
