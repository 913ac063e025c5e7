# A small bank: classes, inheritance, properties, class attributes, custom
# exceptions with extra fields, __repr__/__eq__/__hash__, sorting by key.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}")
        self.account = account
        self.amount = amount

class Account:
    _next_id = 1
    interest = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def month_end(self):
        self._balance = round(self._balance * (1 + self.interest), 2)

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.id == other.id

    def __hash__(self):
        return hash(self.id)

class Savings(Account):
    interest = 0.02

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("only two withdrawals per month")
        return super().withdraw(amount)

class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def withdraw(self, amount):
        if amount > self._balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

accounts = [Savings("ann", 1000), Checking("bob", 50), Account("cy", 10)]
accounts[0].deposit(500).withdraw(200)
accounts[1].withdraw(120)
for acc, amount in [(accounts[2], 50), (accounts[1], 100)]:
    try:
        acc.withdraw(amount)
    except InsufficientFunds as e:
        print("refused:", e, "| amount", e.amount, "| owner", e.account.owner)
try:
    accounts[0].withdraw(1)
    accounts[0].withdraw(1)
except PermissionError as e:
    print("refused:", e)
try:
    accounts[2].deposit(-5)
except ValueError as e:
    print("refused:", e)
for a in accounts:
    a.month_end()
print(accounts)
print(sorted(accounts, key=lambda a: a.balance))
print({a: a.owner for a in accounts}[accounts[1]])
print(accounts[0] == accounts[0], accounts[0] == accounts[1], accounts[0] != "x")
print([a.history for a in accounts])
print(Account._next_id, Savings.interest, Checking.interest, isinstance(accounts[0], Account))
try:
    accounts[0].balance = 5
except AttributeError as e:
    print("AttributeError:", e)
