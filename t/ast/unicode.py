# ast-attrs
é = 1
名前 = "値"
x = "héllo wörld"
λ = lambda α, β: α + β
print(é, 名前)
s = "日本語" + 名前
café.résumé = "ok"
f(ñ=1)
def función(ä, *ö, ü=1): pass
class Ω: pass
y = "😀" + z
