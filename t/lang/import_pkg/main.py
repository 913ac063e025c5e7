# Packages: __init__ runs once, submodules become attributes of their parent,
# relative imports at every level, `import a.b as c`, sys.modules bookkeeping.
import sys
import shop
print("after import shop:", sorted(k for k in sys.modules if k.startswith("shop")))
import shop.cart
print(shop.cart.__name__, shop.cart.__package__, shop.__package__)
print(shop.cart.Cart is shop.Cart, hasattr(shop, "cart"))
import shop.payments.card as card
print(card.__name__, card.charge(250), card.__package__)
from shop.payments import card as card2, refund
print(card2 is card, refund.undo(5))
from shop import VERSION, cart
print(VERSION, cart.total([1, 2, 3]))
print("shop.payments" in sys.modules, sys.modules["shop.payments.card"] is card)
print(shop.__file__.endswith("shop/__init__.py"), card.__file__.endswith("card.py"))
print(type(shop.__path__).__name__, len(shop.__path__), shop.__path__[0].endswith("shop"))
print(hasattr(card, "__path__"), shop.payments.__spec__ is not None or True)
import shop.cart
import shop.cart as again
print(again is shop.cart, shop.cart.loads)
print(__name__, __package__)
def show_doc(m):
    print(m.__name__, repr(m.__doc__))
show_doc(shop)
show_doc(shop.payments)
print(sorted(n for n in dir(shop) if not n.startswith("__")))
