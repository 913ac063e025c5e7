# CPython 3.11 has the Unicode 14.0 database: characters assigned in 15.0 are
# unassigned (not printable, no properties), and five modifier letters 15.0 made
# lowercase are not lowercase yet.
new_in_15 = [0x0CF3, 0x0ECE, 0x10EFD, 0x11241, 0x1F6DC, 0x1FA75, 0x1E4D0, 0x31350, 0x1D2C0, 0x13439]
for cp in new_in_15:
    c = chr(cp)
    print(hex(cp), ascii(repr(c)), c.isprintable(), c.isalpha(), c.isidentifier(), c.isnumeric(), c.upper() == c)
for cp in [0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69]:
    c = chr(cp)
    print(hex(cp), c.islower(), c.isupper(), ("A" + c).istitle(), c.isalpha(), c.isprintable())
