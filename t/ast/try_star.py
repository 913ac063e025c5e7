try:
    a
except* ValueError:
    b
except* (TypeError, KeyError) as eg:
    c
else:
    d
finally:
    e
try:
    pass
except *E:
    pass
