# expect: TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.
# line: 5
try:
    raise ValueError(1)
except* (KeyError, ExceptionGroup):
    pass
