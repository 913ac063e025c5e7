# At exit, the program's objects die: in cycles too (__del__ runs while print
# still works), and weakref.finalize callbacks run.
import gc
import weakref


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(1)
a.self = a
b = A(2)
c = A(3)
d = A(4)
c.o = d
d.o = c


class Target:
    pass


t = Target()
weakref.finalize(t, print, "finalize at exit")
gc.disable()
print("end")
