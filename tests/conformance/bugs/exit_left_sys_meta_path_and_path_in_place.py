# At exit (finalize_modules_delete_special) sys.path, sys.meta_path, sys.argv, sys.last_value...
# become None and sys.stdout is put back to sys.__stdout__ before the modules go: a finalizer that
# runs then cannot import; sys.modules entries become None, then the dict is emptied
# oracle: script
import sys
import io

class Late:
    def __del__(self):
        print('path', sys.path, 'meta_path', sys.meta_path, 'argv', sys.argv, 'hooks', sys.path_hooks, sys.path_importer_cache)
        print('stdout restored', sys.stdout is sys.__stdout__)
        print('__main__ entry', sys.modules.get('__main__', 'absent'))
        try:
            import json
        except ImportError as e:
            print('ImportError:', e)

late = Late()
sys.stdout = io.StringIO()   # dropped at exit: the finalizer prints to the original stdout
