# Custom exception classes: hierarchy, args, str and repr, and catching by base class.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        AppError.__init__(self, table, code)
        self.table = table
try:
    raise DbError('users', 42)
except AppError as e:
    print(type(e).__name__, e, e.args, e.table, repr(e))
print(repr(AppError()), str(AppError()), repr(AppError('one')), str(AppError('one')))
print(isinstance(DbError('t', 1), Exception), isinstance(DbError('t', 1), AppError), isinstance(AppError(), DbError))
