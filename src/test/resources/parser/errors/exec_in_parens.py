(exec a)
