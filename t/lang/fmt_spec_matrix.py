# the format-spec mini-language over a matrix of values and specs (errors by class name)
vals = [0, 1, -1, 255, 1234567, -1234567, 2**70, True, 0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e22, float("inf"), float("-nan"), 3+4j]
specs = ["n", "10n", ",n", ".3n", "#n", "=+10", "=010", "<010", "^010", "x<+#10x", "#010x", "#o", "#b", "#X", "_x", "_o", "_b", ",x",
         "c", "+c", ".2d", "e", ".0e", "#.0e", "E", "f", "#.0f", "F", "g", "#g", ".0g", "#.0g", "G", "%", ".0%", "#%", "s", "", "-", "+", " ",
         "z", "z.1f", "010.2f", "=^10", ",.3f", "_.3f", ",g", ",e", ",%", ",d", "_d", ",b", "07,", "08_"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__[:4])
    print(repr(v), row)
