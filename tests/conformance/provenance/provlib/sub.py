"""A submodule for the provenance programs: imported, it is held by sys.modules and its package."""
registry = []
