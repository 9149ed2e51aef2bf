# argparse over refheap: parsing, defaults, types, choices, subcommands, mutually exclusive groups,
# its help and usage (formatted with '%*s', which refheap's str % refused) and its errors (exit 2
# with the usage on stderr, caught here as SystemExit).
import argparse, io, contextlib

p = argparse.ArgumentParser(prog='tool', description='A tool that does things.')
p.add_argument('path', help='the file to read')
p.add_argument('-n', '--count', type=int, default=3, help='how many (default: %(default)s)')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('-v', '--verbose', action='count', default=0)
g = p.add_mutually_exclusive_group()
g.add_argument('--json', action='store_true')
g.add_argument('--csv', action='store_true')
sub = p.add_subparsers(dest='cmd')
s = sub.add_parser('show', help='show it')
s.add_argument('what', nargs='*')
print(p.parse_args(['a.txt', '-n', '5', '-vv', 'show', 'x', 'y']))
print(p.parse_args(['b.txt', '--mode=slow', '--json']))
p.print_help()
print(p.format_usage(), end='')
for bad in (['a', '-n', 'x'], ['a', '--json', '--csv'], ['a', '--mode', 'medium'], []):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            p.parse_args(bad)
    except SystemExit as e:
        print('exit', e.code)
        print(err.getvalue(), end='')
