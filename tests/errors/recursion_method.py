# expect: RecursionError: maximum recursion depth exceeded
# line: 7
class Node:
    def __init__(self):
        self.parent = self
    def depth(self):
        return 1 + self.parent.depth()
print("computing depth")
print(Node().depth())
