# The | , |= and == operators of WeakValueDictionary and WeakKeyDictionary.
import weakref
class A: pass
a, b = A(), A()
d = weakref.WeakValueDictionary({'x': a})
e = weakref.WeakValueDictionary({'y': b})
print(sorted((d | e).keys()), sorted(({'z': a} | d).keys()), d == {'x': a}, d == e)
d |= {'w': b}; print(sorted(d.keys()))
k = weakref.WeakKeyDictionary({a: 1}); k2 = weakref.WeakKeyDictionary({b: 2})
print(len(k | k2), k == {a: 1}, k == k2, (k.__or__(5)))
print(d.__hash__, k.__hash__)
