if a:
	if b:
		pass
	x = 1
y = 2
if c:
        pass
