if a:
    if b:
        if c:
            pass
        x = 1
    y = 2
z = 3
if a:
	pass
if b:
  pass
class A:
    def f(self):
        if x:
            return 1

        return 2
    def g(self): pass
