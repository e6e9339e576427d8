# expect: FileNotFoundError: [Errno 2] No such file or directory: 'no_such_file.txt'
# line: 4
print("reading")
with open(
    "no_such_file.txt"
) as f:
    print(f.read())
