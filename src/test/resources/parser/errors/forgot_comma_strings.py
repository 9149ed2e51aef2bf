x = ("abc" 2)
