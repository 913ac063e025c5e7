# dict reprs, including self-references
print({1: 'a', 'b': [1, 2], (1, 2): {3: None}, None: True, 2.5: -1})
d = {}
d[1] = d
print(d)
e = {'x': [], 'y': {}}
e['x'].append(e)
e['y']['z'] = e['y']
print(e)
f = {1: {2: {3: {4: {}}}}}
print(f, str(f), repr(f) == str(f))
print({'quote': "it's", 'dq': '"', 'both': '\'"', 'nl': '\n', 'uni': 'é'})
g = {}
g[1] = g.keys()
print(g)
h = {i: i * 'x' for i in range(5)}
print(h)
