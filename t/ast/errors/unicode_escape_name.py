s = "\N{NO SUCH NAME}" + t
