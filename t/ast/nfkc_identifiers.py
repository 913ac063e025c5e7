# Non-ASCII identifiers are NFKC-normalised (PEP 3131): these are the same names.
µ = 1          # U+00B5 MICRO SIGN -> U+03BC
print(μ)
ﬁle = open     # U+FB01 LATIN SMALL LIGATURE FI
ｗｉｄｔｈ = 3    # fullwidth
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = "x"
obj.ｗｉｄｔｈ = f(ｋｅｙ=1)
import ｍａｔｈ.ｐｉ as ｐ
from ｍ import ｎ as ｏ
def ﬀ(ｘ, *ａｒｇｓ): global ｇ
Å = "A with ring"  # U+212B ANGSTROM SIGN -> U+00C5
x = "µ ﬁ ｗ"  # strings are not normalised
