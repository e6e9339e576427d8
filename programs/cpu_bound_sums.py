# Lecture: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt),
# example "задача исполняемая на CPU без использования библиотек".
# Shows: the CPU-bound task cpu_bound(number) = sum of squares below `number`,
# computed for a list of numbers one after another (the baseline the lecture
# compares with multiprocessing.Pool and ThreadPoolExecutor). The lecture uses
# 5_000_000 + x; 100_000 + x keeps the run short. Each result is checked against
# the closed form (n-1)n(2n-1)/6.


def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    results = []
    for number in numbers:
        results.append(cpu_bound(number))
    return results


if __name__ == "__main__":
    numbers = [100_000 + x for x in range(20)]
    sums = find_sums(numbers)
    for number, s in zip(numbers, sums):
        expected = (number - 1) * number * (2 * number - 1) // 6
        print(number, s, s == expected)
    print("computed", len(sums), "sums; total =", sum(sums))
