# An async comprehension outside an async function is a compile-time error.
result = [x async for x in y]
