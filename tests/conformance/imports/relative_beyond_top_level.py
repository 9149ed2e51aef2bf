# a relative import that goes above the top-level package: ImportError with 3.11's message
import relpkg.inner.deep as deep
print(deep.beyond())
