# raise SystemExit(n) with an int sets the status; finally blocks run on the way out
def main():
    try:
        print("main")
        raise SystemExit(4)
    finally:
        print("cleanup")
main()
