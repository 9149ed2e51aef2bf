# import returns whatever object sys.modules holds for the name, module or not
import sys
class Fake:
    answer = 42
sys.modules['fake_mod'] = Fake()
import fake_mod
print(type(fake_mod).__name__, fake_mod.answer)
from fake_mod import answer
print(answer)
del sys.modules['fake_mod']
try:
    import fake_mod
except ImportError as e:
    print(type(e).__name__, e)
