# ast-attrs
x = f"ab{x}c{ y!r:>{w}}"
f"""
{
a+
b}"""
f"{x}" "{y}" f"{z}"
y = f"""abc
  {x}"""
y = f"""abc
  {x +
yy}"""
y = (1,
   f"{x}")
y = f"{  x.a(b)}"
z = f"{f'{a}'}"
z = f"{x:a{b}c}" "z" f"{w:{q}}"
z = f"é{é}ü{x!s:{y}}"
z = f'{a=}' f'{ b = }'
print(f"{a}", f"{b}")
