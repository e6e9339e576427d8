# time's calendar functions on fixed instants (gmtime is zone-free), struct_time, strftime's
# directives and range checks, and the _ns / CPU clocks' types.
import time

epoch = time.gmtime(0)
print(repr(epoch))
print(epoch, epoch.tm_zone, epoch.tm_gmtoff)
print(epoch[0], epoch[-1], epoch[1:3], len(epoch), tuple(epoch))
print(epoch.n_fields, epoch.n_sequence_fields, epoch.n_unnamed_fields)
print(isinstance(epoch, tuple), epoch == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
year, month, day, *rest = time.gmtime(1_000_000_000)
print(year, month, day, rest)
print(time.gmtime(-1e10))
print(time.gmtime(1.9).tm_sec, time.gmtime(-0.5).tm_sec)
print(time.gmtime(2**40))
print(time.struct_time((2026, 1, 1, 0, 0, 0, 3, 1, 0)))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, "Z", 3600)).tm_zone)

t = time.gmtime(1_000_000_000)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%a %A %b %B %h %c", t))
print(time.strftime("%x|%X|%D|%T|%F|%R|%r", t))
print(time.strftime("%p %I %l %k %P %e %j %u %w", t))
print(time.strftime("%U %W %V %G %g %C %y", t))
print(time.strftime("%s %z %Z %% %f %Q", t))
print(repr(time.strftime("%n%t")), repr(time.strftime("%")), repr(time.strftime("a%")))
print(time.strftime("%-d|%_d|%0e|%Ey|%Od", (2026, 1, 6, 0, 0, 0, 1, 6, 0)))
print(time.strftime("%Y %m %d", (2026, 0, 0, 0, 0, 0, 0, 0, 0)))
for when in [(2027, 1, 1, 0, 0, 0, 4, 1, 0), (2024, 12, 30, 0, 0, 0, 0, 365, 0),
             (2021, 1, 3, 0, 0, 0, 6, 3, 0), (-5, 1, 1, 0, 0, 0, 0, 1, 0),
             (12345, 1, 1, 13, 0, 0, 0, 1, 0)]:
    print(time.strftime("%Y|%C|%y|%G|%g|%V|%U|%W|%I%p", when))
print(time.strftime("%s", (1970, 1, 1, 0, 0, 0, 0, 1, 0)))

print(time.asctime(t), "|", time.asctime((2026, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime((12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.mktime((2026, 1, 1, 0, 0, 0, 0, 0, -1)) - time.mktime((2025, 12, 31, 0, 0, 0, 0, 0, -1)))
print(time.mktime((2026, 14, 40, 0, 0, 0, 0, 0, 0)) - time.mktime((2027, 3, 12, 0, 0, 0, 0, 0, 0)))
now = time.time()
print(time.mktime(time.localtime(now)) == int(now), time.ctime(now) == time.asctime(time.localtime(now)))
local = time.localtime()
print(type(local).__name__, len(local), type(local.tm_zone).__name__, type(local.tm_gmtoff).__name__)
print(type(time.tzname).__name__, len(time.tzname), type(time.timezone), type(time.altzone), type(time.daylight))

bad_tuples = [(2026, 1, 32, 0, 0, 0, 0, 1, 0), (2026, 1, 1, 24, 0, 0, 0, 1, 0),
              (2026, 1, 1, 0, 60, 0, 0, 1, 0), (2026, 1, 1, 0, 0, 62, 0, 1, 0),
              (2026, 1, 1, 0, 0, 0, -2, 1, 0), (2026, 1, 1, 0, 0, 0, 0, 367, 0),
              (2026, 13, 1, 0, 0, 0, 0, 1, 0), (1, 2)]
for bad in bad_tuples:
    try:
        print(time.strftime("%Y %w %j", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(time.strftime("%w %j", (2026, 1, 1, 0, 0, 0, -1, 1, 5)))
calls = [lambda: time.localtime(1e19), lambda: time.gmtime(2**70),
         lambda: time.strftime("%Y", [2026, 1, 1, 0, 0, 0, 0, 1, 0]),
         lambda: time.asctime("x"), lambda: time.gmtime("x"), lambda: time.strftime(1),
         lambda: time.mktime((1,)), lambda: time.struct_time((1, 2)),
         lambda: time.gmtime(float("nan")), lambda: time.asctime((2026, 0, 1, 0, 0, 0, 0, 1, 0))]
for call in calls:
    try:
        print(call())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    epoch.tm_year = 3
except AttributeError as e:
    print("AttributeError", e)

for clock in [time.time_ns, time.perf_counter_ns, time.monotonic_ns, time.process_time_ns,
              time.thread_time_ns]:
    print(clock.__name__, type(clock()).__name__)
for clock in [time.process_time, time.thread_time, time.monotonic, time.perf_counter]:
    print(clock.__name__, type(clock()).__name__)
a = time.monotonic_ns()
b = time.monotonic_ns()
print(b >= a, abs(time.time_ns() / 1e9 - time.time()) < 1)
