print("init cart", __name__, __package__)
loads = 1
class Cart:
    pass
def total(xs):
    from .payments.card import fee
    return sum(xs) + fee
