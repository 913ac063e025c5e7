# f-string '=' debugging specifier, conversions and nesting
x = 42
name = "pyl"
items = [1, 2]
print(f"{x=}", f"{x = }", f"{x=!r}", f"{x=!s}", f"{name=}", f"{name=!s}", f"{name=!a}")
print(f"{x=:>6}", f"{x=:#x}", f"{x*2=}", f"{items[0]=}", f"{len(items)=}", f"{name.upper()=}")
print(f"{3.5=:.2f}", f"{x == 42=}", f"{ x =}", f"{x=  }|", f"{'a' 'b'=}")
d = {"k": "v"}
print(f"{d['k']=}", f"{d=}", f"{None=}", f"{(1, 2)=}")
e = "é"
print(f"{e!a}", f"{e!r}", f"{e!s}", f"{'€'!a:>10}", f"{[e]!a}")
class Obj:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
    def __format__(self, spec):
        return f"format-form[{spec}]"
o = Obj()
print(f"{o}", f"{o!s}", f"{o!r}", f"{o:spec}", f"{o!s:>10}", f"{o!r:<10}|", f"{o=}", f"{o=:x}")
w, p = 10, 3
pi = 3.14159265
print(f"{pi:{w}.{p}f}|", f"{pi:{'>'}{w}}|", f"{pi:{w}.{p+1}e}|", f"{x:{'#'}{'x'}}", f"{x:0{w}d}")
fill, align = "*", "^"
print(f"{name:{fill}{align}{w}}", f"{f'{x}':>5}", f"{'nested':>{w}}", f'''{f"{f'{x}'}"}''')
print(f"{'{'}{x}{'}'}", f"{{x}}", f"{{{x}}}", f"{x}{{}}", f"{{}}")
print(f"{x if x > 0 else -x}", f"{(lambda v: v * 2)(x)}", f"{[i for i in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{x:}", f"{name!r:}", f"{'':5}|", f"{'multi' + 'ple'}", f"""{
x
}""")
print(f"{x:,}", f"{10**6:_}", f"{-x:+05}", f"{x:>+8}", f"{'s':^7}|", f"{0.5:%}", f"{0.123:.1%}")
nested_spec = ".3"
print(f"{pi:{nested_spec}}", f"{pi:{nested_spec}f}", f"{'abcdef':{nested_spec}}")
for bad in ["f'{x!z}'", "f'{x:{w}{p}{q}}'", "f'{}'", "f'{x'", "f'}'"]:
    try:
        print(eval(bad))
    except Exception as err:
        print(type(err).__name__, err)
