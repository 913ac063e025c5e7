match = 1
case = 2
_ = 3
match(case)
match[case]
match.case
def match(case): return case
class case: pass
match, case = 1, 2
match *a, b:
    case _:
        pass
match -x:
    case _:
        pass
