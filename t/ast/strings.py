'single'
"double"
'''triple single'''
"""triple double"""
'it\'s'
"say \"hi\""
'mixed " quote'
"mixed ' quote"
'both \' and "'
""
''
"adjacent" 'strings' """concat"""
("multi"
 "line")
r'raw \n string'
R"raw \d"
b'bytes'
B"bytes"
rb'raw bytes \n'
bR'x' Rb'y' BR"z" br'w'
u'unicode'
U'upper u'
u'a' 'b'
'a' u'b'
"""multi
line
string"""
'''\
continued'''
