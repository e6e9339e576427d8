# time.strptime: struct_time fields (weekday and day of the year computed or as written),
# the default format, %z's offset, and CPython's ValueError texts.
import time

for data, fmt in [("2024-03-15 13:45:30", "%Y-%m-%d %H:%M:%S"), ("15/03/24", "%d/%m/%y"),
                  ("Fri Mar 15 13:45:30 2024", "%a %b %d %H:%M:%S %Y"),
                  ("March 5, 1999 07:08 PM", "%B %d, %Y %I:%M %p"), ("2024 060", "%Y %j"),
                  ("12:00 AM", "%I:%M %p"), ("Mon 2024-03-15", "%a %Y-%m-%d"),
                  ("2024-12-31T23:59:61", "%Y-%m-%dT%H:%M:%S"),
                  ("2024-03-15 +0530", "%Y-%m-%d %z"), ("2024-03-15 Z", "%Y-%m-%d %z"),
                  ("1.5", "%S.%f"), ("100%", "%j%%")]:
    t = time.strptime(data, fmt)
    print(t, t.tm_zone, t.tm_gmtoff)
t = time.strptime("Sun Jun  2 10:11:12 2024")
print(tuple(t), time.strftime("%Y-%m-%d %A", t), time.mktime(t) == time.mktime(t))
for data, fmt in [("2024-13-01", "%Y-%m-%d"), ("2024-01-01 extra", "%Y-%m-%d"),
                  ("x", "%Q"), ("2024", "%Y %"), ("abc", "%Y")]:
    try:
        time.strptime(data, fmt)
    except ValueError as e:
        print("ValueError", e)
for args in [(1, "%Y"), ("2024", 2)]:
    try:
        time.strptime(*args)
    except TypeError as e:
        print("TypeError", e)
