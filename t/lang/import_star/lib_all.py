__all__ = ["exported", "ALSO"]
def exported():
    return "exported"
ALSO = 2
hidden = 3
