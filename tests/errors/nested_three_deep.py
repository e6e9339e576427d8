# expect: KeyError: 'missing_key'
# line: 8
def level1(d):
    return level2(d) + 1
def level2(d):
    return level3(d) * 2
def level3(d):
    return d["missing_key"]
print("start")
level1({"present": 1})
