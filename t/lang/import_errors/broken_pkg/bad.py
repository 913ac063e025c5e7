from . import fine
raise ValueError("bad module")
