"""The bank exercise, fixed: the check and the update happen under one Lock, so no other
withdrawal can slip in between. `gilsim explore --expect-unique` passes on this file under
every GIL model (try --check-points every-op and -X gil=0 too).
"""
import threading

balance = 100
log = []
account_lock = threading.Lock()


def record(who, amount):
    log.append((who, amount))


def withdraw(who, amount):
    global balance
    with account_lock:
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
