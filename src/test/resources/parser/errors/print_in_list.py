[print a]
