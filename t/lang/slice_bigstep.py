# slices whose step is far beyond the C range (clamped, no overflow)
a = [1, 2, 3]
print(a[2::10**30], a[1::2**62], a[0:3:2**63 - 1], a[2::-10**30], a[::-(2**63)], (1, 2, 3)[2::10**30], (1, 2, 3)[::-(2**63)])
a[2::10**30] = ['x']
print(a)
del a[1::10**30]
print(a)
a[::-(2**63)] = ['y']
print(a, range(3)[2::10**30], list(range(3)[2::10**30]))
