import sys
def main(argv=None):
    """Entry point."""
    argv = argv or sys.argv[1:]
    total = 0
    for i, arg in enumerate(argv):
        try:
            total += int(arg, base=0)
        except ValueError as exc:
            print(f"bad arg {i}: {arg!r} ({exc})", file=sys.stderr)
            continue
    while total > 100:
        total //= 2
    else:
        pass
    with open("/dev/null", "w") as fh:
        fh.write(str(total))
    return 0 if total else 1
if __name__ == "__main__":
    raise SystemExit(main())
