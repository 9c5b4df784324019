# Tuples as lightweight records.
def make(name, dept, salary):
    return (name, dept, salary)
staff = [make("ann", "eng", 120), make("bo", "ops", 90), make("cy", "eng", 110),
         make("di", "ops", 95), make("ed", "hr", 70)]
by_dept = {}
for name, dept, salary in staff:
    by_dept.setdefault(dept, []).append((salary, name))
for dept in sorted(by_dept):
    entries = sorted(by_dept[dept], reverse=True)
    total = sum(s for s, _ in entries)
    print(dept, entries, total, total / len(entries))
richest = max(staff, key=lambda r: r[2])
print(richest, richest[0].upper())
raised = [(n, d, s * 11 // 10) for n, d, s in staff]
print(raised)
print(tuple(n for n, _, _ in staff))
