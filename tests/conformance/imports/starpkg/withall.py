__all__ = ['public', '_private_but_listed']
public = 'public'
_private_but_listed = 'listed'
not_listed = 'not listed'
