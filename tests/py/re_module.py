import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m[1])
print(m.groups(), m.span(), m.start(2), m.end(2), m.span(1), m.lastindex)
print(re.search(r"\d+", "abc 123 def 45"))
print(re.search(r"\d+", "abc"), re.match(r"\d", "a1"), re.fullmatch(r"\d+", "123"))
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"\d+", "12a"))
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)=(\d)", "a=1, b=2, c=x"))
print(re.findall(r"(\w)=\d", "a=1, b=2"))
print(re.findall(r"\w*", "ab cd"), re.findall(r"x*", "axbx"))
print([m.span() for m in re.finditer(r"o", "foo boo")])
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "alice@home bob@work"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first> \g<0>", "Ada Lovelace"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub(r"a", "-", "banana", count=2), re.subn(r"a", "-", "banana"))
print(re.sub(r"x*", "-", "abxd"), re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+", r"\n\t|", "a b"))
print(re.split(r"\s*,\s*", "a , b,c ,d"), re.split(r"(,)", "a,b,c"))
print(re.split(r",", "a,b,c,d", maxsplit=2), re.split(r"x*", "axbc"))
print(re.escape("1+1=2? [yes] a.b-c_d é"))
named = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?", "on 2024-05 ok")
print(named.groupdict(), named.groupdict("-"), named.group("year"), named["month"])
print(named.groups(), named.lastgroup, named.lastindex, named.start("month"))
p = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$", re.MULTILINE)
print(p, p.pattern, p.groups, p.groupindex, p.flags == re.MULTILINE | re.UNICODE)
print(p.findall("a = 1\n  bb=two words  \nbad line\nc= 3"))
print(re.findall(r"^h", "hi\nho", re.M), re.findall(r"^h", "hi\nho"))
print(re.findall(r"a.b", "a\nb", re.S), re.findall(r"a.b", "a\nb"))
print(re.findall(r"hello", "Hello HELLO hello", re.IGNORECASE))
verbose = re.compile(r"""
    (\d{3})   # area code
    [-\ ]?    # separator
    (\d{4})   # number
""", re.VERBOSE)
print(verbose.match("555 1234").groups(), verbose.match("555-1234").groups())
print(re.compile("a", re.I | re.S), re.I, re.M | re.S, re.compile("x") == re.compile("x"))
print(re.search(r"[^a-c]+", "abcdefabc").group(), re.search(r"[a\-z]+", "x-az").group())
print(re.search(r"\bcat\b", "concat cat").span(), re.findall(r"colou?r", "color colour"))
print(re.findall(r"a{2,3}", "aaaa a aa"), re.findall(r"a{,2}b", "aaab"), re.findall(r"x{", "x{"))
print(re.search(r"\Aab\Z", "ab"), re.match(r".*?(\d+)", "abc 42 7").group(1))
print(re.findall(r"é+", "café éé"), re.search(r"\w+$", "naïve café").span())
print(re.search(r"(?i)straße", "STRAßE"), re.search(r"(?:ab)+", "xababx").group())
print(p.search("x = 1", 1), p.match("  a=b", 2), re.compile(r"\d").search("a1b2", 2, 4))
m = re.search(r"(a)(b)?", "ac")
print(m.groups(), m.groups("?"), m.group(2), m.span(2), m.expand(r"<\1>"))
print(re.match(r"", "abc"), bool(re.match("a", "a")))
print(re.split(r"\s*", "a b  c"), re.findall(r"(?:a|)", "ab"), re.sub(r"\b", "|", "ab cd"))
print(re.findall(r"a??b", "ab b"), re.findall(r"a+?", "aaa"), re.sub(r"x*", "-", "axbx"))

for bad in ["(a", "a)", "*a", "a**", "[ab", r"\q", "(?P<1>x)", "a{2}{3}", "(?Px)", "x{2,1}",
            "(?P<n>a)(?P<n>b)", "a|*", "[a-"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("re.error:", e)
try:
    re.search(r"(?P<x>a)", "a").group("y")
except IndexError as e:
    print("IndexError:", e)
try:
    re.search(r"a", 5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(re.error, Exception), issubclass(re.error, ValueError))
