# sys.set_int_max_str_digits / get_int_max_str_digits: the VM-wide limit on
# decimal int <-> str conversions (0 = none; power-of-two bases are exempt).
import sys
print(sys.get_int_max_str_digits())
x = 10 ** 5000
try:
    str(x)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
for bad in (5, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 700)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(x)), len(str(int("7" * 6000))), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits(), len(str(10**4999)))
print(hex(10**6000)[:10], int("f" * 6000, 16) > 0)
