"""Class exercise: two customers withdraw from one account at the same time.

`withdraw` checks the balance, then (after logging, which is a function call and so a place
where CPython may switch threads) writes the new balance back. Find the schedule in which
both withdrawals succeed although the account only covered one, then fix it in
bank_race_fixed.py.

    gilsim explore programs/exercises/bank_race.py                 # two outcomes
    gilsim explore --expect-unique programs/exercises/bank_race_fixed.py   # one outcome
"""
import threading

balance = 100
log = []


def record(who, amount):
    log.append((who, amount))


def withdraw(who, amount):
    global balance
    if balance >= amount:
        new_balance = balance - amount
        record(who, amount)
        balance = new_balance
        return True
    return False


results = {}


def customer(who):
    results[who] = withdraw(who, 80)


threads = [threading.Thread(target=customer, args=(name,)) for name in ("ann", "bob")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("successful withdrawals:", sum(results.values()))
print("balance:", balance)
