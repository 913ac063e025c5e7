# A small command interpreter driven by match (the PEP 636 tutorial style).


class Room:
    def __init__(self, name, exits, items):
        self.name = name
        self.exits = exits
        self.items = list(items)


world = {
    "hall": Room("hall", {"north": "kitchen", "east": "library"}, ["lamp"]),
    "kitchen": Room("kitchen", {"south": "hall"}, ["knife", "bread"]),
    "library": Room("library", {"west": "hall"}, ["book"]),
}


class Game:
    def __init__(self):
        self.room = world["hall"]
        self.inventory = []
        self.running = True

    def run(self, line):
        match line.split():
            case []:
                return "say something"
            case ["quit" | "exit" | "bye"]:
                self.running = False
                return "goodbye"
            case ["look"]:
                return f"{self.room.name}: exits {sorted(self.room.exits)}, items {self.room.items}"
            case ["go", direction] if direction in self.room.exits:
                self.room = world[self.room.exits[direction]]
                return f"you enter the {self.room.name}"
            case ["go", direction]:
                return f"you cannot go {direction}"
            case ["go" | "walk", *_]:
                return "go where?"
            case ["north" | "south" | "east" | "west" as direction]:
                return self.run(f"go {direction}")
            case ["get", obj] if obj in self.room.items:
                self.room.items.remove(obj)
                self.inventory.append(obj)
                return f"taken: {obj}"
            case ["get", *objs] if len(objs) > 1:
                return "\n".join(self.run(f"get {o}") for o in objs)
            case ["get", obj]:
                return f"there is no {obj} here"
            case ["drop", "all"]:
                self.room.items.extend(self.inventory)
                dropped, self.inventory = self.inventory, []
                return f"dropped {dropped}"
            case ["drop", obj] if obj in self.inventory:
                self.inventory.remove(obj)
                self.room.items.append(obj)
                return f"dropped {obj}"
            case ["inventory" | "i"]:
                return f"you carry {self.inventory}"
            case [verb, *rest]:
                return f"I don't know how to {verb} {' '.join(rest)}".rstrip()


game = Game()
script = [
    "", "look", "go west", "go", "north", "look", "get knife bread spoon", "i",
    "go south", "go east", "drop all", "look", "get book", "dance wildly", "inventory",
    "bye",
]
for line in script:
    print(f"> {line}")
    print(game.run(line))
print("running:", game.running)


# events as dictionaries, like JSON from a client
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y), **rest} if not rest:
            return f"click at {x},{y}"
        case {"type": "click", "pos": (x, y), "button": "left" | "right" as b}:
            return f"{b} click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k!r}"
        case {"type": "key", "key": "Enter" | "Return"}:
            return "enter"
        case {"type": "resize", "size": [int(w), int(h)]} if w > 0 and h > 0:
            return f"resize to {w}x{h}"
        case {"type": str(t)}:
            return f"ignored {t}"
        case _:
            return "invalid event"


for ev in [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": (3, 4), "button": "right"},
    {"type": "click", "pos": (3, 4), "button": "middle"},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "Enter"},
    {"type": "key", "key": "Shift"},
    {"type": "resize", "size": [800, 600]},
    {"type": "resize", "size": [0, 600]},
    {"type": 5},
    ["click"],
]:
    print(handle(ev))
