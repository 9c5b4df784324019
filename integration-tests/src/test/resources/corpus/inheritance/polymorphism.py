# Polymorphic dispatch through a common interface.
class Employee:
    def __init__(self, name, base):
        self.name = name
        self.base = base
    def pay(self):
        return self.base
    def title(self):
        return "Employee"
    def __repr__(self):
        return f"{self.title()}({self.name}, {self.pay()})"
class Manager(Employee):
    def __init__(self, name, base, reports):
        super().__init__(name, base)
        self.reports = reports
    def pay(self):
        return super().pay() + 100 * len(self.reports)
    def title(self):
        return "Manager"
class Contractor(Employee):
    def __init__(self, name, hours, rate):
        super().__init__(name, 0)
        self.hours = hours
        self.rate = rate
    def pay(self):
        return self.hours * self.rate
    def title(self):
        return "Contractor"
e1 = Employee("ann", 1000)
e2 = Employee("bob", 1200)
staff = [e1, e2, Manager("cat", 2000, [e1, e2]), Contractor("dan", 40, 35)]
for s in staff:
    print(s)
print(sum(s.pay() for s in staff), max(staff, key=lambda s: s.pay()).name)
print(sorted(staff, key=lambda s: s.pay()))
print([type(s).__name__ for s in staff if isinstance(s, Employee)])
