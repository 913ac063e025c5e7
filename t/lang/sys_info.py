# sys's descriptive data: version_info is a named tuple, implementation a
# namespace, flags/float_info/int_info/hash_info struct sequences, maxsize etc.
import sys
vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi[0] == vi.major, vi.releaselevel, vi.serial)
print(type(vi).__name__, isinstance(vi, tuple), len(vi), vi >= (3, 8), vi < (4,))
major, minor, *rest = vi
print(major, minor, len(rest))
try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError", e)
try:
    type(vi)((1, 2, 3, 4, 5))
except TypeError as e:
    print("TypeError", e)
print(type(sys.implementation).__name__, isinstance(sys.implementation.name, str))
print(sys.implementation.version[:2] == vi[:2], sys.implementation.cache_tag is not None)
print(sys.hexversion >> 16 == 0x30B, isinstance(sys.version, str), sys.version[:4])
print(sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.max_exp, fi.min_10_exp)
print(repr(fi))
print(sys.int_info)
print(sys.int_info.default_max_str_digits, sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf)
print(sys.hash_info.width, sys.hash_info.imag, sys.hash_info.algorithm)
print(sys.flags.optimize, sys.flags.dev_mode, type(sys.flags).__name__)
print(sys.float_repr_style, sys.getdefaultencoding(), sys.getfilesystemencoding())
print("sys" in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print(isinstance(sys.path, list), isinstance(sys.modules, dict), sys.modules["sys"] is sys)
print(sys.__name__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
print(type(fi).n_fields, type(vi).n_sequence_fields, type(vi).__module__)
print(vi == tuple(vi), hash(vi) == hash(tuple(vi)), vi[-1], vi[0:2])
