# expect: SyntaxError: expected ':'
# line: 6
# Found by cargo fuzz (compile target): the colon missing after a name ending in a
# multi-byte character; looking one byte back from the newline panicked inside the 'Ω'.
def f(lo, hi):
    if lo > hΩ
        return -1
