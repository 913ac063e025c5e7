# ast-attrs
x = (1 +
     2)
def f(
    a,
    b=1,
):
    return [
        a,
        b,
    ]
class C(
    Base,
):
    y = {
        'k':
            'v',
    }
if (a and
        b):
    pass
z = f(a)(b)[c].d
s = ('abc'
     'def')
t = """one
two"""
w = x if y else z
