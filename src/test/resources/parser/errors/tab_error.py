if True:
	if x:
        pass
