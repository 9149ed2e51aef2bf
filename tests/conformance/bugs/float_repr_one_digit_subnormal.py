# bug: repr of a float whose shortest form has one digit but Java prints two (5e-324 came out as 4.9e-324)
import sys
print(5e-324, -5e-324, 1e-323, 2e-323, sys.float_info.min * 2 ** -52 if hasattr(sys, "float_info") else 5e-324)
print(9e-324, 1.5e-323, 4e-320, 1e22, 1e23, 2e-310)
