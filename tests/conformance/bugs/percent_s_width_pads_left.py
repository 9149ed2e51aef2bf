# bug: '%5s' % x padded on the right (left-aligned) and %r/%a ignored width and precision
print("[%5s|%-5s|%.2s|%5r|%-6.3a|%8.3s]" % ("ab", "cd", "xyz", 1, "é", "abcdef"))
