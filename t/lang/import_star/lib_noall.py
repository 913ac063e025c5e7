import sys as _sys
import math_like
CONST = 10
_private = 1
def public():
    return "public"
