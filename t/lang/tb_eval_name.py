# pyl-test: full-stderr
# a NameError inside eval'd code
eval("undefined_var + 1")
