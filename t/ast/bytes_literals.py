b''
b'abc'
b"\x00\x01\xff"
b'\\'
b"'"
b'"'
b'\'"'
b'a' b'b'
rb'\x00'
b'\t\n\r'
b'\x7f'
b'\a\b\f\v'
