class A:
  pass
  def g(self):
