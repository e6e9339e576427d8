# expect: IndexError: string index out of range
# line: 5
word = "hey"
for i in range(4):
    print(word[i])
