# pyl-test: full-stderr
x = 10
label = "n=" + x
