# traceback's limit and chain arguments: limit >= 0 keeps the outermost entries, a negative
# limit the innermost, 0 drops the "Traceback" header too; chain=False prints only the last
# exception of a chain. Each section of a chain is cut separately.
import io
import traceback


def a(n):
    return b(n)


def b(n):
    return c(n)


def c(n):
    return 10 // n


def shown(lines):
    # Source lines and the caret lines under them differ between CPython versions: keep the
    # "File" lines (with the file name masked) and everything that is not an entry.
    out = []
    for item in lines:
        for line in item.splitlines():
            if line.startswith("  File "):
                out.append(line.split(", ", 1)[1])
            elif not line.startswith("    "):
                out.append(line)
    return out


try:
    a(0)
except ZeroDivisionError as e:
    err = e

for limit in (None, 0, 1, 2, 10, -1, -2, -10):
    print("limit", limit, shown(traceback.format_exception(err, limit=limit)))

try:
    a(0)
except ZeroDivisionError:
    print("format_exc", shown([traceback.format_exc(limit=-1)]))
    print("format_exc", shown([traceback.format_exc(1)]))
    buf = io.StringIO()
    traceback.print_exc(limit=2, file=buf)
    print("print_exc", shown([buf.getvalue()]))

try:
    try:
        a(0)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    chained = e

for limit in (None, 1, -1, 0):
    print("cause", limit, shown(traceback.format_exception(chained, limit=limit)))
print("no chain", shown(traceback.format_exception(chained, chain=False)))
print("no chain -1", shown(traceback.format_exception(chained, limit=-1, chain=False)))
lines = traceback.format_exception(chained, limit=0)
print("items", len(lines), lines[1:3])

try:
    try:
        a(0)
    except ZeroDivisionError:
        [][0]
except IndexError as e:
    context = e
print("context", shown(traceback.format_exception(context, limit=1)))
buf = io.StringIO()
traceback.print_exception(context, limit=-1, chain=False, file=buf)
print("print_exception", shown([buf.getvalue()]))
buf = io.StringIO()
traceback.print_exception(type(context), context, context.__traceback__, 1, buf)
print("old form", shown([buf.getvalue()]))

try:
    traceback.format_exception(err, limit="x")
except TypeError as e:
    print("TypeError:", e)
