print("raises_inside runs")
x = 1 / 0
