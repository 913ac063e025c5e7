# pyl-test: full-stderr
class Shape:
    def __init__(self, sides):
        self.sides = sides

    def area(self):
        return self.sides.length * 2

def run():
    shapes = [Shape(None)]
    return [s.area() for s in shapes]

run()
