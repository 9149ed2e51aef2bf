# token from CPython's library: token numbers and names
import token
print(token.NAME, token.NUMBER, token.tok_name[token.OP], token.ISTERMINAL(token.NAME), token.ISEOF(token.ENDMARKER))
print(token.EXACT_TOKEN_TYPES['+'] == token.PLUS, len(token.tok_name) > 50)
