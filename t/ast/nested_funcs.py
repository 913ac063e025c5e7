def a():
    x = 1
    def b():
        nonlocal x
        x = 2
        def c():
            global y
            y = x
        return c
    class D:
        def e(self):
            return x
    return b, D
