# no final newline
x = 1
if x:
    pass