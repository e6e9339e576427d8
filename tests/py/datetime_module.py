import datetime as dt
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=9), d - date(2023, 1, 1))
print(d.isoformat(), d.strftime("%A %d %B %Y, day %j"), d.ctime(), f"{d:%d/%m/%y}", f"{d}")
print(d.replace(day=1), d.isocalendar(), d.isocalendar().week, tuple(date(2021, 1, 1).isocalendar()))
print(date.fromordinal(738000), date.fromisoformat("2023-12-31"), date.fromisocalendar(2024, 1, 1))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), d != d.replace(year=2020), max(d, date(2000, 1, 1)))
print(date.min, date.max, date(2000, 12, 31).timetuple().tm_yday, date.resolution)

t = time(9, 5)
print(t, repr(t), repr(time(9, 5, 7)), repr(time(1, 2, 3, 4)), time(23, 59, 59, 500000))
print(t.isoformat("minutes"), time(1, 2, 3, 4567).isoformat("milliseconds"), t.strftime("%H.%M %p"))
print(time.fromisoformat("10:20:30.123"), t < time(10), t.replace(hour=10), time())

x = datetime(2024, 3, 10, 14, 30, 5, 250)
print(x, repr(x), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 0, 0, 7)))
print(x.date(), x.time(), x.hour, x.minute, x.second, x.microsecond, x.weekday())
print(x.isoformat(), x.isoformat(" ", "seconds"), x.strftime("%Y-%m-%d %H:%M:%S.%f"), x.ctime())
print(x + timedelta(hours=12), x - timedelta(days=10, minutes=31), x - datetime(2024, 1, 1))
print(datetime.combine(d, t), datetime.fromisoformat("2024-05-17T08:15:00"), datetime.fromisoformat("2024-05-17"))
print(x.replace(year=2000, microsecond=0), x > datetime(2024, 3, 10), sorted([x, datetime(2020, 5, 5)])[0])
print(datetime(2024, 12, 31, 23, 59, 59) + timedelta(seconds=1), f"{x:%H:%M}", str(x.timetuple()[:6]))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(86400.5, tz=timezone.utc))

utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
plus2 = timezone(timedelta(hours=2))
print(utc, repr(utc), utc.isoformat(), utc.tzname(), utc.utcoffset(), repr(timezone.utc), timezone.utc)
print(utc.astimezone(plus2), repr(plus2), plus2, timezone(timedelta(hours=-5, minutes=-30), "X"))
print(utc == utc.astimezone(plus2), utc.astimezone(plus2) - utc, utc.timestamp(), utc.strftime("%z %Z"))
try:
    utc < x
except TypeError as e:
    print("TypeError:", e)

print(timedelta(days=1, hours=2), timedelta(seconds=-1), timedelta(microseconds=1500), timedelta(0))
print(repr(timedelta(days=1, hours=2)), repr(timedelta(0)), repr(timedelta(minutes=-1)), repr(timedelta(milliseconds=1.5)))
print(timedelta(weeks=2).days, timedelta(hours=36).seconds, timedelta(hours=1.5).total_seconds())
print(timedelta(days=2) / timedelta(hours=12), timedelta(days=1) / 3, timedelta(hours=1) * 2.5, timedelta(hours=5) // 2)
print(timedelta(hours=5) // timedelta(hours=2), timedelta(hours=5) % timedelta(hours=2), divmod(timedelta(hours=5), timedelta(hours=2)))
print(-timedelta(hours=1), abs(timedelta(hours=-1)), timedelta(days=3) > timedelta(hours=71), bool(timedelta()), sum([timedelta(1), timedelta(2)], timedelta()))
print(timedelta(days=-1, seconds=5), timedelta(days=10, seconds=3600 * 5 + 7, microseconds=8), timedelta.max, timedelta.min)

for bad in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: time(24), lambda: datetime(2024, 1, 1, 10, 60),
            lambda: date(0, 1, 1), lambda: date.fromisoformat("2024/01/01"), lambda: timedelta(days=10**9)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
now = datetime.now()
print(type(now).__name__, now.year >= 2024, type(date.today()).__name__, datetime.now(timezone.utc).tzinfo)
print(isinstance(x, date), issubclass(datetime, date), dt.MINYEAR, dt.MAXYEAR, dt.UTC is timezone.utc)

for text, fmt in [("2024-05-17 08:15:30", "%Y-%m-%d %H:%M:%S"), ("17/5/24", "%d/%m/%y"),
                  ("Mar 3 2023  9:05 PM", "%b %d %Y %I:%M %p"), ("12:00 am", "%I:%M %p"),
                  ("Friday, 17 May 2024", "%A, %d %B %Y"), ("2024-05-17T08:15:30.25+0200", "%Y-%m-%dT%H:%M:%S.%f%z"),
                  ("2024 032", "%Y %j"), ("99", "%y"), ("2024 10%", "%Y %d%%"), ("2024-05-17T08:15:30Z", "%Y-%m-%dT%H:%M:%S%z")]:
    print(repr(datetime.strptime(text, fmt)))
for text, fmt in [("2024-13-01", "%Y-%m-%d"), ("2024-05-17 extra", "%Y-%m-%d"), ("2023-02-29", "%Y-%m-%d"),
                  ("x", "%Q")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
