a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a, ~a)
print(a & b, a | b, a ^ b, a << 3, a >> 2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0, "a" < "b" < "c")
print(True and "x", False and "x", None or "y", 0 or [] or "z", not 0, not "s")
x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x //= 3; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x |= 1; print(x)
x ^= 3; print(x)
x &= 6; print(x)
x >>= 1; print(x)
y = 7.0
y /= 2; print(y)
s = "ab"
s *= 3; print(s)
l = [1]
l += [2, 3]; print(l)
print(1 if True else 2, 1 if 0 else 2)
print((1, 2) + (3,), [1] * 3, "ab" * 2, 3 * "x")
print("b" in "abc", 4 not in [1, 2], None is None, 1 is not None)
d = {"a": [1, 2]}
d["a"][0] += 10
print(d)
class_ = [0, 1, 2, 3, 4, 5]
print(class_[1:4], class_[::2], class_[::-1], class_[-2:], class_[:-4])
class_[1:3] = ["x"]
print(class_)
del class_[0]
print(class_)
n = 2 ** 64
print(n, n * n, -n // 3, n % 7, n >> 60)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, divmod(-7, 2))
print(0.1 + 0.2, 1e300 * 10, -1e300 * 10, 2 ** 0.5)
if (w := len("walrus")) > 3:
    print("walrus", w)
print([y for x in [[1, 2], [3]] for y in x if y != 2])
print({k: v for k, v in zip("ab", range(2))}, {x % 3 for x in range(10)})
print((lambda *a, **k: (a, k))(1, x=2))
