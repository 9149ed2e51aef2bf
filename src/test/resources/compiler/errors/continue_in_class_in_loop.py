for i in x:
    class C:
        continue
