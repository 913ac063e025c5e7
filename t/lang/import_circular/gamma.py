from delta import value
def later():
    return 1
