# email.message, http.client and urllib.request import (they read builtin docstrings and type.mro
# while they are imported) and work for a small use each; csv re-exports _csv's docstring.
import csv
import email.message
import http.client
import urllib.request

print(csv.__doc__.splitlines()[0])
m = email.message.EmailMessage()
m['Subject'] = 'greetings'
m['To'] = 'someone@example.com'
m.set_content('hello\n')
print(m['Subject'], m['To'], m.get_content_type(), m.get_content().strip())
print(m.as_string().splitlines()[:3])
print(http.client.responses[404], http.client.HTTPConnection('example.com', 8080).port)
r = urllib.request.Request('http://example.com/a?b=1', data=b'x', headers={'X-One': '1'})
print(r.get_method(), r.host, r.selector, r.header_items())
