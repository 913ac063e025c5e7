from gamma import later
value = later() + 1
