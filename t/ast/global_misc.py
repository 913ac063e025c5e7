__debug__
x = __name__
if __name__ == "__main__":
    main()
print(1, 2, sep="")
assert isinstance(x, int), f"bad {x}"
