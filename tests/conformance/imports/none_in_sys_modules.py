# None in sys.modules blocks an import: "import of x halted; None in sys.modules"
import sys
sys.modules['blocked_mod'] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)
