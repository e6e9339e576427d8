# String literal forms and escape sequences.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mix "double" inside', "mix 'single' inside")
print("tab:\t|", "newline:\n|", "backslash: \\", "carriage\rX")
print("bell and friends:", repr("\a\b\f\v\0"))
print("\x41\x42\x43", "\x7e", repr("\x00\x1f\x7f"))
print("\u0416\u0436", "\u00e9", "\u20ac", len("\u20ac"))
print("\U0001F600" == chr(0x1F600), len("\U0001F600"), ord("\U0001F600"))
print("\101\102\103", "\60\61", "\7" == "\x07")
print(r"raw \n stays", r"C:\path\to\file", R"upper R \t", len(r"\n"))
print(r"raw with quote \" inside", len(r"\""))
print(repr(r"\d+\.\d+"), rb"raw\bytes")
print(b"bytes \x41 \n", B"upper", b"\xff\x00"[0], len(b"\xff\x00"))
print("adjacent " "literals " 'are ' """joined""")
s = ("implicitly "
     "concatenated "
     "across lines")
print(s)
multi = """line one
line two
    indented line three"""
print(multi)
print(multi.splitlines())
text = '''He said "hi" and 'bye' '''
print(text)
print("""a "quoted" string with ''' inside""")
cont = "backslash \
continues the string"
print(cont)
tq = """\
no leading newline"""
print(tq, len(tq))
print(repr("\\n"), len("\\n"), len("\n"))
print(repr("quote ' and \""), repr('only "double"'), repr("only 'single'"))
print(repr("é\u0416"), repr("\t\r\n"), repr("\x80"), repr("\u200b"))
print(ascii("é\u0416\U0001F600"))
print("Unicode: Привет, ¡Hola! 日本", len("Привет"), "Привет".upper())
print("\x61" == "a", "\u0061" == "a")
print("a\
b")
print(f"f-string escape {{braces}} \t|", f"{'tab'}\tafter")
print("%s" % "\\", "/".join(["a", "b"]), "\\".join(["c", "d"]))
for ch in ["\n", "\t", "\\", "'", '"', "\x00", "\u00e9", " "]:
    print(repr(ch), ord(ch))
print("\u0041" == "A", "\x41" == "A", "\101" == "A", "A" == chr(65))
print(len("\t\n\r\\"), "\t\n".isspace(), "a\tb".expandtabs(4))
print(b"\x41\x42" == b"AB", "AB".encode() == b"AB", b"\\n", len(b"\\n"))
print('''one
two''' == "one\ntwo", """a\
b""" == "ab")
print(r"""raw
triple\n""")
