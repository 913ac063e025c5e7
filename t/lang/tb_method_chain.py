# pyl-test: full-stderr
# a three-level implicit chain through methods, with a module-qualified exception
class Store:
    def __init__(self):
        self.data = {}
    def get(self, key):
        try:
            return self.data[key]
        except KeyError:
            return self.fallback(key)
    def fallback(self, key):
        try:
            return int(key)
        except ValueError:
            raise LookupError(f"cannot resolve {key}")

Store().get("abc")
