# typing.NamedTuple and TypedDict in class syntax and functional form; generic bases (PEP 560).
from typing import NamedTuple, TypedDict, Generic, TypeVar, List, Dict, is_typeddict


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self):
        return f'{self.name} #{self.id}'


e = Employee('Guido')
print(e, e.describe(), e._replace(id=7), Employee._fields, Employee._field_defaults)
print(Employee.__annotations__, isinstance(e, tuple), e == ('Guido', 3), Employee.__name__)
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point.__annotations__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as ex:
    print('TypeError:', ex)


class Movie(TypedDict):
    title: str
    year: int


class Extended(Movie, total=False):
    rating: float


m = Movie(title='Blade Runner', year=1982)
print(m, type(m).__name__, Movie.__annotations__, Movie.__total__)
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), Extended.__annotations__)
Film = TypedDict('Film', {'name': str}, total=False)
print(Film(name='x'), Film.__total__, is_typeddict(Movie), is_typeddict(dict))

T = TypeVar('T')


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


class Ints(List[int]):
    pass


class Table(dict[str, int]):
    pass


print(Box(3).item, [c.__name__ for c in Ints.__mro__], Ints.__orig_bases__, Table.__mro__, Table.__orig_bases__)
