# textwrap (dedent, indent, wrap, fill, shorten, TextWrapper options) and string.
import string
import textwrap

code = """
    def worker(n):
        total = 0
            # deeper
        return total
\t
    """
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   x\n     y\n  \n")))
print(textwrap.indent("one\n\ntwo\n", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))
text = ("The GIL is a mutex that protects access to Python objects, preventing multiple "
        "threads from executing Python bytecodes at once. A well-known trade-off.")
for width in (10, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill("aaaaaaaaaaaaaaaaaaaaaaaaa bb", 10))
print(textwrap.wrap("aaaaaaaaaaaaaaaaaaaaaaaaa bb", 10, break_long_words=False))
print(textwrap.wrap("one-two-three-four", 8), textwrap.wrap("one-two-three-four", 8, break_on_hyphens=False))
print(textwrap.wrap("tab\there  and   spaces", 12), textwrap.wrap("  lead", 10, drop_whitespace=False))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=2, placeholder="..."))
print(textwrap.fill("Hello there. How are you? Fine.", 60, fix_sentence_endings=True))
print(textwrap.shorten("Hello  world!   this is long text", width=15))
print(textwrap.shorten("Hello world!", width=12), textwrap.shorten("Hello world", 11, placeholder="~"))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.fill("x", 1))
try:
    textwrap.wrap("abc", 0)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.shorten("hello world", 3)
except ValueError as e:
    print("ValueError", e)
w = textwrap.TextWrapper(width=20, expand_tabs=False, replace_whitespace=False)
print(w.wrap("a\tb c d e f g h i j k l m n o p"))

print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits)
print(string.octdigits, string.punctuation, len(string.printable))
print(string.capwords("hello  wORLD  foo"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}; costs $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}))
print(string.Template("$who and $missing").safe_substitute(who="x"))
try:
    string.Template("$who and $missing").substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("oops $").substitute()
except ValueError as e:
    print("ValueError", e)
