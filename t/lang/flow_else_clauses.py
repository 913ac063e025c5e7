# else clauses on for, while and try, with break, continue, return and exceptions
def search(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
search([1, 2, 3], 2)
search([1, 2, 3], 9)
search([], 1)
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while completed", n)
while False:
    pass
else:
    print("while else on false condition")
for i in range(3):
    if i == 1:
        continue
else:
    print("continue does not skip else", i)
def ret_in_for():
    for i in range(3):
        if i == 1:
            return "returned"
    else:
        return "else"
print(ret_in_for())
for outer in range(3):
    for inner in range(3):
        if inner == outer == 1:
            break
    else:
        print("inner completed for", outer)
        continue
    print("inner broke at", outer)
    break
def try_else(fail):
    try:
        if fail:
            raise ValueError("boom")
    except ValueError:
        return "except"
    else:
        return "else"
    finally:
        print("finally", fail)
print(try_else(False), try_else(True))
for i in range(2):
    try:
        pass
    except Exception:
        pass
    else:
        if i == 0:
            continue
        print("else with continue", i)
def exc_in_else():
    try:
        try:
            pass
        except ValueError:
            print("not here")
        else:
            raise KeyError("from else")
    except KeyError as e:
        print("caught", repr(e))
exc_in_else()
it = iter([1, 2])
while (x := next(it, None)) is not None:
    pass
else:
    print("walrus while done")
i = 0
while i < 5:
    i += 1
    try:
        if i == 3:
            break
    finally:
        print("finally", i)
else:
    print("never")
