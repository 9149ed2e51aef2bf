def f:
 pass
