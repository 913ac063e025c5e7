# leading comment


x = 1  # trailing comment

# between


def f():
    # inside
    pass

    # after blank

    return 1
# end
