# int.to_bytes / int.from_bytes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, 127, 128, 255, 256, 1000, 65535, 2**63, 2**64 - 1, 2**100]:
    t(lambda: v.to_bytes(16, 'big'))
    t(lambda: v.to_bytes(16, 'little'))
for v in [0, 1, -1, 127, -128, 128, -129, 255, -256, 2**63 - 1, -2**63, -2**100]:
    t(lambda: v.to_bytes(16, 'big', signed=True))
    t(lambda: v.to_bytes(16, byteorder='little', signed=True))
print((5).to_bytes(), (5).to_bytes(2), (0).to_bytes(0), (258).to_bytes(length=2, byteorder='little'))
t(lambda: (256).to_bytes())
t(lambda: (128).to_bytes(1, signed=True))
t(lambda: (-129).to_bytes(1, signed=True))
t(lambda: (-1).to_bytes(1))
t(lambda: (1).to_bytes(-1))
t(lambda: (1).to_bytes(0))
t(lambda: (0).to_bytes(0, signed=True))
t(lambda: (1).to_bytes(1, 'middle'))
t(lambda: (1).to_bytes(1, 5))
t(lambda: (1).to_bytes(1.5))
for b in [b'', b'\x00', b'\x01', b'\x7f', b'\x80', b'\xff', b'\x01\x00', b'\x00\x01', b'\xff\xff',
          b'\x80\x00', bytes(range(20)), b'\xff' * 20]:
    print(b, int.from_bytes(b, 'big'), int.from_bytes(b, 'little'),
          int.from_bytes(b, 'big', signed=True), int.from_bytes(b, 'little', signed=True))
print(int.from_bytes(b'\x01\x02'), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(bytearray(b'\x05'), 'little'))
print(int.from_bytes((255, 0), byteorder='little', signed=True), int.from_bytes(iter([1, 0]), 'big'))
t(lambda: int.from_bytes(5, 'big'))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes([256], 'big'))
t(lambda: int.from_bytes(b'\x01', 'sideways'))
t(lambda: int.from_bytes())
t(lambda: bool.from_bytes(b'\x01', 'big'))
for v in [0, 1, -1, 2**70 + 3, -(2**70) - 3, 12345678901234567890]:
    n = (v.bit_length() + 8) // 8
    assert int.from_bytes(v.to_bytes(n, 'big', signed=True), 'big', signed=True) == v
    assert int.from_bytes(v.to_bytes(n, 'little', signed=True), 'little', signed=True) == v
print('roundtrip ok')
