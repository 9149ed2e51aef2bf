SUB = 'sub'
