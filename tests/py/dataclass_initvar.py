# dataclasses.InitVar: an __init__ parameter handed to __post_init__, never kept.
from dataclasses import dataclass, field, fields, InitVar, asdict


@dataclass
class Account:
    owner: str
    rate: InitVar[float] = 0.1
    balance: float = 0.0
    history: list = field(default_factory=list)

    def __post_init__(self, rate):
        self.interest = self.balance * rate


a = Account('ann', 0.5, 10.0)
print(a, a.interest, hasattr(a, 'rate'), [f.name for f in fields(a)], asdict(a))
print(Account('bob'), Account('bob').interest, Account.__match_args__)
print(Account.__dataclass_fields__['rate'].type, a == Account('ann', 0.9, 10.0))


@dataclass
class Plain:
    x: int
    scale: InitVar[int]


p = Plain(2, 3)
print(p, [f.name for f in fields(Plain)], Plain.__dataclass_fields__['scale'].type)
