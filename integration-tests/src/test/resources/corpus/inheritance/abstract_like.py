# Template-method pattern with NotImplementedError.
class Report:
    def render(self):
        lines = [self.header()]
        for item in self.items():
            lines.append(self.format_item(item))
        lines.append(self.footer())
        return "\n".join(lines)
    def header(self):
        return "== " + self.title() + " =="
    def footer(self):
        return "-- end --"
    def title(self):
        raise NotImplementedError
    def items(self):
        return []
    def format_item(self, item):
        return f"* {item}"
class Numbers(Report):
    def title(self):
        return "numbers"
    def items(self):
        return [1, 2, 3]
class Squares(Numbers):
    def title(self):
        return "squares"
    def format_item(self, item):
        return f"{item}^2 = {item * item}"
    def footer(self):
        return super().footer().upper()
print(Numbers().render())
print(Squares().render())
try:
    Report().render()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
