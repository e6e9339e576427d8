# expect: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block
# line: 7
for attempt in range(3):
    try:
        pass
    except* ValueError:
        break
