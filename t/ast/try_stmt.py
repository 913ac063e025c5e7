try:
    a
except:
    b
try:
    a
except E:
    b
except (E1, E2) as e:
    c
except E3 as e:
    d
else:
    e
finally:
    f
try:
    pass
finally:
    pass
try:
    a
except E as e:
    pass
finally:
    pass
