"""Enumerations for Stitch: Enum, auto and unique with CPython 3.11's observable behaviour.

A class body's plain attributes become the members: single instances of the class, made
without calling it (calling an enum class looks a member up by value), kept in definition
order. A value seen before makes an alias of the earlier member.
"""

from _stitch_enum import new_member as _new_member

_FunctionType = type(lambda: None)
_DESCRIPTORS = (_FunctionType, staticmethod, classmethod, property)


class auto:
    """A member value chosen by the class's _generate_next_value_."""

    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto()"


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == "__" and name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == "_" and name[-1] == "_"
            and name[1] != "_" and name[-2] != "_")


def _lookup_value(cls, value):
    """The member with this value, or None."""
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        # Unhashable values are found by equality.
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        return None


class EnumType(type):
    """The metaclass of enumerations: makes the members and lets the class act as a
    container of them."""

    def __new__(mcls, name, bases, ns):
        names = []
        values = []
        for key in list(ns):
            if _is_dunder(key) or _is_sunder(key):
                continue
            value = ns[key]
            if isinstance(value, _DESCRIPTORS):
                continue
            names.append(key)
            values.append(value)
        for key in names:
            del ns[key]
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum " + repr(name) + "> cannot extend <enum "
                                + repr(base.__name__) + ">")
        cls = type.__new__(mcls, name, bases, ns)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        last_values = []
        for i in range(len(names)):
            key = names[i]
            value = values[i]
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, i, last_values[:])
            last_values.append(value)
            member = _lookup_value(cls, value)
            if member is None:
                member = _new_member(cls)
                member._name_ = key
                member._value_ = value
                cls._member_names_.append(key)
                try:
                    cls._value2member_map_[value] = member
                except TypeError:
                    pass
            cls._member_map_[key] = member
            setattr(cls, key, member)
        return cls

    def __call__(cls, value):
        if type(value) is cls:
            return value
        member = _lookup_value(cls, value)
        if member is not None:
            return member
        member = cls._missing_(value)
        if isinstance(member, cls):
            return member
        if member is not None:
            raise TypeError("error in " + cls.__name__ + "._missing_: returned "
                            + repr(member) + " instead of None or a valid member")
        raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        names = cls._member_names_
        return iter([cls._member_map_[names[i]] for i in range(len(names) - 1, -1, -1)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '"
                            + type(member).__qualname__ + "' and '"
                            + type(cls).__qualname__ + "'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        return "<enum " + repr(cls.__name__) + ">"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base class of enumerations."""

    def __repr__(self):
        return ("<" + type(self).__name__ + "." + self._name_ + ": "
                + repr(self._value_) + ">")

    def __str__(self):
        return type(self).__name__ + "." + self._name_

    def __format__(self, spec):
        return format(str(self), spec)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        # CPython 3.11: one more than the last value if that is also the largest, else one
        # more than the largest value that supports + 1 (after sorting, as 3.11 does).
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            raise TypeError
        except TypeError:
            for i in range(len(last_values) - 1, -1, -1):
                try:
                    return last_values[i] + 1
                except TypeError:
                    pass
            return start


def unique(enumeration):
    """Class decorator: refuses aliases (members sharing a value)."""
    duplicates = []
    for key, member in enumeration.__members__.items():
        if key != member.name:
            duplicates.append(key + " -> " + member.name)
    if duplicates:
        raise ValueError("duplicate values found in " + repr(enumeration) + ": "
                         + ", ".join(duplicates))
    return enumeration
