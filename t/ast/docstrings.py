"""Module docstring."""
def f():
    """Function docstring."""
class C:
    """Class docstring."""
    def m(self):
        'single quoted doc'
x = 1
"""Not a docstring."""
