from .. import VERSION
from ..cart import Cart
from . import refund
fee = 10
def charge(amount):
    return f"charged {amount} (v{VERSION}, {Cart.__name__}, {refund.__name__})"
