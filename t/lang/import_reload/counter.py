import builtins
runs = getattr(builtins, "_counter_runs", 0) + 1
builtins._counter_runs = runs
def describe():
    return f"counter run {runs}, extra={extra}"
if __name__ == "__main__":
    print("never printed")
