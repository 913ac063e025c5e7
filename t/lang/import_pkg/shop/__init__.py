"""A small shop package."""
print("init shop", __name__)
VERSION = "1.0"
from .cart import Cart
