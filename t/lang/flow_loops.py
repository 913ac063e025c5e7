for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("no break")

for i in range(3):
    pass
else:
    print("for else ran", i)

n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("while", n)
else:
    print("while else")

n = 3
while n:
    n -= 1
else:
    print("while else ran", n)

for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)

for x in []:
    print("never")
else:
    print("empty else")

result = []
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        result.append((i, j))
print(result)

def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    return -1

print(find("hello", "l"), find("hello", "z"))
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = "abc"
print(first, rest)
*init, last = [1]
print(init, last)
for k, *v in [(1, 2, 3), (4,)]:
    print(k, v)
