# String methods.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.find("o", 5), s.find("z"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.count("l"), s.count("l", 5), s.count(""), "aaaa".count("aa"))
print(s.startswith("Hell"), s.startswith(("x", "H")), s.endswith("ld"), s.endswith("o", 0, 5))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("", "-")[:10])
print(s.split(", "), s.split("o"), s.split("o", 1), s.rsplit("o", 1))
print("  a  b   c ".split(), "a,b,,c".split(","), "".split(), "".split(","))
print("line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join("abc"))
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.site.com".lstrip("w."))
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".ljust(6, ".") + "|", "abc".rjust(6) + "|")
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("abc".isalpha(), "abc1".isalpha(), "123".isdigit(), "12a".isdigit(), "".isdigit())
print("abc1".isalnum(), " \t\n".isspace(), "".isspace(), "Ab".isupper(), "ab".islower())
print("Hello World".istitle(), "hello World".istitle(), "123".isnumeric(), "1.5".isdecimal())
print("id_1".isidentifier(), "1id".isidentifier(), "ABC".isupper())
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"))
print("tab\there".expandtabs(4), "prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("name.txt".removesuffix(".md"), "abc".removeprefix("x"))
print("%s|%s" % ("a".casefold(), "ß".casefold()))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello".translate(str.maketrans("", "", "l")))
print("a" * 3, 3 * "ab", "" * 5, "x" + "y" * 2)
print("abc" < "abd", "Z" < "a", "abc" == "abc", "ab" < "abc", "b" > "abc")
print("ell" in s, "xyz" not in s, "" in s)
print(len(s), len(""), len("日本語"))
print(s[0], s[-1], s[4:9], s[::-1], s[::2])
print("Ж".upper(), "ÄÖÜ".lower(), "straße".upper())
print(str(123), str(-4.5), str(None), str(True), str([1, "a"]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"))
print("{} and {}".format("x", "y"), "{1}{0}".format("a", "b"), "{k}!".format(k="v"))
print(ord("A"), chr(97), "".join(chr(ord(c) + 1) for c in "HAL"))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), max(words, key=len))
print(" ".join(w[::-1] for w in words))
print(" ".join(w.capitalize() for w in words))
print("Mississippi".replace("ss", "SS").lower().count("ss"))
print("a,b;c d".replace(",", " ").replace(";", " ").split())
print("abc".encode(), b"abc".decode(), "é".encode("utf-8"), len("é".encode()))
acc = ""
for i in range(5):
    acc += str(i) * i
print(acc, len(acc))
print("x".join("123"), "--".join([]), "ab".join(["", ""]))
print("CamelCaseString".lower(), "snake_case_here".title().replace("_", ""))
print("  multiple   spaces  ".split(" "))
print("hello"[1:4].upper().center(7, "~"))
print("%r" % "q", "abc".find(""), "abc".rfind(""), "abcabc".index("c", 3))
# Nothing replaced: CPython returns the very same str (not a copy); a subclass gets a str.
h = "Hello"
print(h.replace("x", "y") is h, h.replace("l", "l") is h, h.replace("l", "L", 0) is h)
class Sub(str):
    pass
print(type(Sub("ab").replace("x", "y")).__name__, "ÄbC".lower(), "straße".upper())
# One ASCII byte as the pattern is searched byte by byte; the results are the same as for
# any other pattern, whether the text is short (stored inline) or long, ASCII or not.
cases = [
    ("Hello, World".lower().replace("o", "0").split(","), "aXbXc".split("X", 1)),
    ("aXbXc".rsplit("X", 1), "a--b--c".split("--"), "a--b--c".rsplit("--", 1)),
    (" a  b ".split(), " a  b ".rsplit(None, 1), "a b".split(maxsplit=0)),
    ("aéb".split("é"), "aébéc".rsplit("é", maxsplit=1), "x".split(sep=None)),
    ("abc".replace("b", "XYZ"), "ababab".replace("ab", "-", 2), "ababab".replace("a", "", -1)),
    ("abc".replace("", "-"), "abc".replace("", "-", 2), "ééé".replace("é", "e", 1)),
    (("x" * 30).replace("x", "yy").count("y"), "ÀB".lower(), "àb".upper(), "MiXeD 123".lower()),
    ("a,b,c".split(",", -1), "".split(","), "".split(), "a,".split(","), ",a,,b,".rsplit(",", 2)),
    ("é,é".replace(",", ";"), "a.b.c".replace(".", "", 1), ("a." * 20).split(".")[18:]),
]
for case in cases:
    print(case)
for bad in ("'a'.split('')", "'abc'.split(1)", "'a,b'.split(',', '1')", "'a,b'.split(',', 1, 2)"):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
