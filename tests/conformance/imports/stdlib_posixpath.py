# os.path (posixpath) and genericpath on refheap: pure path manipulation, and queries on the
# repository's own files. (os first: python3's start-up has imported it already, and
# genericpath and posixpath import each other through it.)
import os
import genericpath
import os.path
import posixpath

print(os.path is posixpath, os.sep, os.curdir, os.pardir)
print(posixpath.join('a', 'b', '/c', 'd'), posixpath.split('/x/y/z.txt'), posixpath.splitext('arch.tar.gz'))
print(posixpath.basename('/a/b/'), posixpath.dirname('/a/b/c'), posixpath.normpath('/a/./b/../c//d/'))
print(posixpath.isabs('/x'), posixpath.isabs('x'), posixpath.relpath('/a/b/c', '/a'), posixpath.commonpath(['/a/b/c', '/a/b/d']))
print(posixpath.commonprefix(['interstate', 'internet']), posixpath.splitdrive('/a'))
print(posixpath.normcase('AbC'), posixpath.join(b'a', b'b'), posixpath.abspath('/a/../b'))
print(os.path.exists('tests/conformance/imports'), os.path.isdir('tests'), os.path.isfile('tests/conformance/README.md'))
print(os.path.exists('no/such/file'), os.path.getsize('tests/conformance/imports/stdlib_posixpath.py') > 0)
print(genericpath.commonprefix([[1, 2, 3], [1, 2, 4]]), genericpath.samestat(os.stat('tests'), os.stat('tests')))
print(os.fspath('x'), os.path.islink('tests'), os.path.realpath('/') == '/')
