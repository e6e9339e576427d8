# BaseException.add_note (3.11): notes collect in __notes__ and print after the message.
def parse(text):
    try:
        return int(text)
    except ValueError as err:
        err.add_note(f"while parsing {text!r}")
        err.add_note("hint: digits only")
        raise


try:
    parse("4x")
except ValueError as err:
    print(err, err.__notes__)

e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(42)
except TypeError as err:
    print(err)
e.__notes__ = ["set by hand"]
e.add_note("added")
print(e.__notes__)
