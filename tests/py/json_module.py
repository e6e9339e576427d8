import json

data = {"name": "Ada", "langs": ["py", "rs"], "age": 36, "ratio": 0.1 + 0.2,
        "ok": True, "none": None, "nested": {"b": [], "a": {}}, "t": (1, 2.5, -0.0)}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t"))
print(json.dumps(data, indent=0))
print(json.dumps([1, [2, [3]]], separators=(",", ":")))
print(json.dumps({"k": 1}, separators=(";", "=")))
print(json.dumps("héllo \u2603 \U0001d11e \"q\" \\ \n\t\x01\x7f"))
print(json.dumps("héllo \u2603 \U0001d11e", ensure_ascii=False))
print(json.dumps({3: "int", 1.5: "float", True: "bool", None: "none", "s": "str"}))
print(json.dumps({2: "b", 1: "a"}, sort_keys=True))
print(json.dumps({(1, 2): "tuple", "x": 1}, skipkeys=True))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e400, 1e-7, 123456789.0, 10**30]))
print(json.dumps(3), json.dumps("s"), json.dumps(None), json.dumps(2.0), json.dumps(False))
print(json.dumps({1, 2} if False else [], default=list))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps([Point(1, 2)], cls=PointEncoder))
print(json.dumps(Point(3, 4), default=lambda p: [p.x, p.y]))

for text in ['{"a": [1, 2.5, -3e2, true, false, null], "b": "x\\ny\\u00e9\\ud834\\udd1e"}',
             " [ ] ", "{}", '"\\"\\\\\\/\\b\\f\\n\\r\\t"', "-0", "-0.0", "1E+2", "12345678901234567890",
             "NaN", "Infinity", "-Infinity", '{"a": 1, "a": 2}', b'[1, "\xc3\xa9"]']:
    value = json.loads(text)
    print(repr(value), type(value).__name__)

print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: Point(**d)).y)
print(json.loads("[NaN]", parse_constant=lambda c: "const " + c))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))
print(json.loads(json.dumps(data)) == {**data, "t": [1, 2.5, -0.0]})

bad = ["", " ", "{", '{"a" 1}', '{"a": 1', '{"a": 1 "b"}', "[1, 2", "[1 2]", '"abc',
       '"a\\x"', '"\\u12G4"', '"a\nb"', "1 2", "tru", "{1: 2}", "[", "-", "01", "1.",
       "1e", "'a'", '{"a":}', "nul", "[1]x", "\ufeff[1]", '{\n  "a": [1,\n  2, oops]}']
for b in bad:
    try:
        json.loads(b)
    except json.JSONDecodeError as e:
        print(repr(b), "->", e, "|", e.pos, e.lineno, e.colno, repr(e.msg))
print(issubclass(json.JSONDecodeError, ValueError))
print(json.loads('"a\nb"', strict=False) == "a\nb")

for bad_value in [{(1, 2): 3}, object(), Point(0, 0)]:
    try:
        json.dumps(bad_value)
    except TypeError as e:
        print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)


class Sink:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def read(self):
        return self.text


sink = Sink()
json.dump({"saved": [1, 2]}, sink, indent=1)
print(sink.text)
print(json.load(sink))

deep = json.loads("[" * 500 + "]" * 500)
depth = 0
while deep:
    deep = deep[0]
    depth += 1
print(depth)
for opener, closer in ["[]", ['{"k":', "}"]]:
    try:
        json.loads(opener * 100000 + "1" + closer * 100000)
    except RecursionError as e:
        print("RecursionError:", e)
print(json.loads('{"big": 123456789012345678901234567890, "neg": -9223372036854775809}'))
print(json.loads('"\\u00e9\\t\\"" '), json.loads("\n[1,\r\n2]\t"))
