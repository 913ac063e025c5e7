import sys
print("prompting")
try:
    value = input("enter: ")
except EOFError as e:
    print("\nEOFError:", e)
print(sys.stdin.readline() == "")
