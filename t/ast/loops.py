while x:
    pass
while x:
    break
else:
    continue
for x in y:
    pass
for x, y in z:
    pass
for (a, b), *c in d:
    pass
for x in 1, 2, 3:
    pass
for x in *a, *b:
    pass
for x.y in z: pass
for x[0] in z: pass
for i in range(10):
    if i: continue
    else: break
else:
    done()
while True: x += 1
