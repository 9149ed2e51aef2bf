# Before the image: more classes than the adopting runtime's table of types has room for after its
# constructor (its types' table grows when the image's later types are adopted).
kinds = [type('Kind%d' % i, (), {'n': i}) for i in range(300)]
