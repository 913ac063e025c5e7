# __len__ / __length_hint__ are used to presize lists; bad hints raise like CPython
class A:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 10**18
try:
    print(list(A()))
except MemoryError as e:
    print('MemoryError')
class B:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return -1
try:
    print(list(B()))
except ValueError as e:
    print(type(e).__name__, e)
class C:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 'x'
try:
    print(list(C()))
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return NotImplemented
print(list(D()), tuple(D()))
class E:
    def __iter__(self): return iter([1, 2])
    def __len__(self): return 10
print(list(E()), [].__sizeof__() < list(E()).__sizeof__())
