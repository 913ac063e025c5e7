# A tiny ORM: field descriptors with __set_name__ and validation, a metaclass
# collecting fields and registering models, __init_subclass__ hooks, class-level
# query helpers returning generators, __eq__/__hash__/__repr__ from fields.
class Field:
    counter = 0
    def __init__(self, kind, default=None, required=True):
        self.kind, self.default, self.required = kind, default, required
        Field.counter += 1
        self.order = Field.counter
    def __set_name__(self, owner, name):
        self.name = name
        self.attr = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.attr, self.default)
    def __set__(self, obj, value):
        if value is None and self.required:
            raise ValueError(f"{self.name} is required")
        if value is not None and not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.attr, value)

class ModelMeta(type):
    registry = {}
    def __new__(mcls, name, bases, ns, table=None):
        cls = super().__new__(mcls, name, bases, ns)
        fields = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "_fields", {}))
        fields.update({k: v for k, v in ns.items() if isinstance(v, Field)})
        cls._fields = dict(sorted(fields.items(), key=lambda kv: kv[1].order))
        cls._table = table or name.lower() + "s"
        cls._rows = []
        if fields:
            mcls.registry[cls._table] = cls
        return cls
    def __iter__(cls):
        return iter(cls._rows)
    def __len__(cls):
        return len(cls._rows)

class Model(metaclass=ModelMeta):
    def __init__(self, **values):
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"unknown fields: {sorted(unknown)}")
        for name, field in self._fields.items():
            setattr(self, name, values.get(name, field.default))
        type(self)._rows.append(self)
    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(
            getattr(self, n) == getattr(other, n) for n in self._fields)
    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in self._fields))
    @classmethod
    def where(cls, **conds):
        return (r for r in cls._rows if all(getattr(r, k) == v for k, v in conds.items()))

class User(Model, table="people"):
    name = Field(str)
    age = Field(int, default=0, required=False)

class Admin(User):
    level = Field(int, default=1)

u1 = User(name="ann", age=31)
u2 = User(name="bob")
a1 = Admin(name="cy", age=40, level=3)
print(u1, u2, a1)
print(list(User._fields), list(Admin._fields), Admin._table, sorted(ModelMeta.registry))
print(len(User), len(Admin), [u.name for u in User], list(User.where(age=0)))
print(u1 == User(name="ann", age=31), len({u1, u2}), User.name.name, User.age.default)
for bad in [lambda: User(name=5), lambda: User(), lambda: User(name="x", email="e"),
            lambda: setattr(u1, "age", "old")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(isinstance(User, ModelMeta), type(Admin).__name__, Admin.__mro__[1].__name__)
