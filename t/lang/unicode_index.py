# indexing and slicing non-ASCII strs (exercises the sparse index)
s = "héllo wörld ñ € 😀 end"
print(len(s), s[0], s[1], s[7], s[-1], s[-5], s[16])
print(s[1:5], s[-7:], s[::3], s[::-1], s[15:2:-2], s[100:], s[-100:2])
big = "".join(chr(0x400 + (i % 200)) for i in range(5000))
print(len(big), ord(big[0]), ord(big[1234]), ord(big[4999]), ord(big[-1]), ord(big[-2500]))
print([ord(c) for c in big[1000:1005]], [ord(c) for c in big[4990::3]])
total = 0
for i in range(0, len(big), 7):
    total += ord(big[i])
print(total)
print(big[63:66] == big[63] + big[64] + big[65], big[127:129] == big[127:128] + big[128:129])
mixed = ("a" * 63 + "é") * 50
print(len(mixed), mixed[63], mixed[64], mixed[127], mixed[3199], mixed[64 * 25 - 1], mixed.count("é"))
print(mixed.find("é", 100), mixed.rfind("é", 0, 3000), mixed.index("é", 64), mixed.rindex("é"))
emoji = "😀" * 300 + "x"
print(len(emoji), emoji[299], emoji[300], emoji[-2], emoji[150:152], len(emoji[10:290:7]))
r = big[::-1]
print(ord(r[0]), ord(r[-1]), len(r))
print(big[-3:-1] == big[4997:4999], big[2000:2003] == "".join(big[i] for i in range(2000, 2003)))
try:
    big[5000]
except IndexError as e:
    print("IndexError", e)
it = iter(big)
for i in range(100):
    next(it)
print(it.__length_hint__())
