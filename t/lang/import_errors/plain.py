VALUE = 7
__all__ = ["VALUE", "missing_name"]
