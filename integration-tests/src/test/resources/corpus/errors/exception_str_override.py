# The uncaught exception line uses the class's __str__.
class ParseError(Exception):
    def __init__(self, line, col):
        super().__init__(line, col)
        self.line = line
        self.col = col
    def __str__(self):
        return f"unexpected token at {self.line}:{self.col}"
print("parsing")
raise ParseError(3, 14)
