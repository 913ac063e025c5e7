# pyl-test: full-stderr
# frames of exec'd code ("<string>") have no source lines
code = "def f():\n    return 1 / 0\nf()"
exec(code)
