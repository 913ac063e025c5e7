# A text adventure: commands parsed with match statements, rooms as a graph of
# objects, inventory as a set, a generator feeding scripted input.
class Room:
    def __init__(self, name, desc, items=()):
        self.name, self.desc = name, desc
        self.items = set(items)
        self.exits = {}
    def connect(self, direction, other, back):
        self.exits[direction] = other
        other.exits[back] = self

hall = Room("hall", "A dusty hall.", ["lamp"])
study = Room("study", "Books everywhere.", ["key", "book"])
vault = Room("vault", "Gold glitters.", ["gold"])
hall.connect("north", study, "south")
study.connect("east", vault, "west")

class Game:
    def __init__(self, start):
        self.room = start
        self.inventory = set()
        self.moves = 0
        self.log = []
    def say(self, text):
        self.log.append(text)
        print(text)
    def step(self, line):
        self.moves += 1
        match line.split():
            case ["look"]:
                items = ", ".join(sorted(self.room.items)) or "nothing"
                self.say(f"{self.room.desc} You see: {items}. Exits: {', '.join(sorted(self.room.exits))}")
            case ["go", direction] if direction in self.room.exits:
                target = self.room.exits[direction]
                if target is vault and "key" not in self.inventory:
                    self.say("The vault is locked.")
                else:
                    self.room = target
                    self.say(f"You enter the {target.name}.")
            case ["go", direction]:
                self.say(f"You can't go {direction}.")
            case ["take", item] if item in self.room.items:
                self.room.items.remove(item)
                self.inventory.add(item)
                self.say(f"Taken: {item}")
            case ["take", *rest]:
                self.say(f"There is no {' '.join(rest) or 'thing'} here.")
            case ["drop", item] if item in self.inventory:
                self.inventory.discard(item)
                self.room.items.add(item)
                self.say(f"Dropped {item}.")
            case ["inventory" | "inv" | "i"]:
                self.say("You carry: " + (", ".join(sorted(self.inventory)) or "nothing"))
            case ["quit"]:
                return False
            case []:
                self.say("Say something.")
            case [verb, *_]:
                self.say(f"I don't know how to {verb}.")
        return True

def script():
    yield from ["look", "take lamp", "go north", "look", "go east", "take key",
                "take sword", "go east", "take gold", "inv", "", "dance wildly",
                "go up", "drop lamp", "look", "quit", "look"]

game = Game(hall)
for line in script():
    if not game.step(line):
        break
print(game.moves, sorted(game.inventory), game.room.name, len(game.log))
