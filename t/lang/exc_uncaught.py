def a():
    return b()

def b():
    raise ValueError("deep problem")

print("before")
a()
