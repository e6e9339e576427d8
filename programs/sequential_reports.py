# Lecture: "Лекция 8. Многозадачность" (seed 000_86b0a299d7855025.txt),
# section "Многопроцессность" / "Пример".
# Shows: the sequential report loop the lecture starts from -- 20 reports built
# one after another, so the total time is the sum of all of them. In the lecture
# each report takes a minute (time.sleep(60)); here each one sleeps 0.05 s.
import time

REPORT_SECONDS = 0.05


def generate_report(info):
    time.sleep(REPORT_SECONDS)  # stands in for the real report-building code
    report_path = "/reports/%s_%02d.pdf" % (info["name"], info["id"])
    return report_path


infos = [{"id": i, "name": "report"} for i in range(20)]

t0 = time.time()
report_paths = []
for info in infos:
    report_path = generate_report(info)
    report_paths.append(report_path)
t1 = time.time()

print('Find your reports:', ', '.join(report_paths))
print("reports built:", len(report_paths))
print("time went forward:", t1 >= t0)
