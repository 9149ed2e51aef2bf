# A float compared for equality with a non-number is unequal (refheap recursed until RecursionError).
print(2.5 == "s", "s" == 2.5, 2.5 != "s", 1.0 == None, [1.5] == ["x"], 1.5 in ["a", 1.5], {1.5: 1} == {1.5: "1"})
print(2.5 == 2.5, 2.0 == 2, 2 == 2.0)
