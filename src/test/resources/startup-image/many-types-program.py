# After the image: every class is there, with its instances and attributes.
print(len(kinds), sum(k().n for k in kinds), kinds[-1].__name__, type(kinds[299]()).__name__)
