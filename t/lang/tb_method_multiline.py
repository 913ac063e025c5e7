# pyl-test: full-stderr
# a method call split over lines fails inside the call: the frame points from
# the method name to the end of the call
class Box:
    def open(self, key):
        raise PermissionError(f"locked with {key}")
def use(box):
    return (box
            .open(
                "k1"))
use(Box())
