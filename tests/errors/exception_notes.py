# expect: second note
# line: 7
def check(n):
    err = ValueError(f"bad {n}")
    err.add_note("first note")
    err.add_note("second note")
    raise err


check(3)
