# del of names, attributes, items, slices, several targets, globals and errors
a, b, c = 1, 2, 3
del a, b
print("a" in globals(), "b" in globals(), c)
lst = list(range(10))
del lst[0], lst[-1]
print(lst)
del lst[::2]
print(lst)
del lst[1:3]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["x"], d["z"]
print(d)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(vars(o))
nested = {"k": [1, {"inner": 2}]}
del nested["k"][1]["inner"]
print(nested)
(x, y), z = (1, 2), 3
del (x, y), z
print([n in globals() for n in "xyz"])
[m, n] = 1, 2
del [m, n]
print("m" in globals())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
g_var = "global"
def del_global():
    global g_var
    del g_var
del_global()
print("g_var" in globals())
def del_closure():
    cell = 1
    def inner():
        return cell
    del cell
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(del_closure())
for i in range(3):
    pass
del i
for bad in ["del undefined_name", "del o.nope", "del d['missing']", "del lst[100]", "del (1).real",
            "del 'abc'[0]", "del (1, 2)[0]"]:
    try:
        exec(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
class WithDel:
    def __delitem__(self, k):
        print("delitem", k)
    def __delattr__(self, name):
        print("delattr", name)
w = WithDel()
del w[1:2], w["k"], w.attr
