"""`Record`: `typing.NamedTuple` for the type checker, a lighter tuple class at run time.

`typing.NamedTuple` builds each class through `collections.namedtuple`, which compiles code with
`eval` and checks every annotation; across the model and the views that cost every command a
few milliseconds at start-up. `Record` makes the same kind of class — an immutable tuple with
named fields, defaults, `_replace`, `_asdict`, `_fields`, methods and properties — from the class
body alone, without generating code (five times cheaper). mypy sees `typing.NamedTuple` and
checks everything as before.

Standard library only and no `typing` at run time: the prompt fast path defines its classes with
it too (`typing` alone would cost a prompt more than all of kl-wahl's own modules).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    from operator import itemgetter

    def _methods(
        name: str, fields: tuple[str, ...], defaults: dict[str, object]
    ) -> dict[str, object]:
        required = len(fields) - len(defaults)
        tail = tuple(defaults.values())

        def __new__(cls, *args, **kwargs):
            if not kwargs and required <= len(args) <= len(fields):
                return tuple.__new__(cls, args + tail[len(args) - required :])
            values = list(args)
            for field in fields[len(args) :]:
                if field in kwargs:
                    values.append(kwargs.pop(field))
                elif field in defaults:
                    values.append(defaults[field])
                else:
                    raise TypeError(f"{name}() missing argument {field!r}")
            if kwargs or len(values) != len(fields):
                raise TypeError(f"{name}() got unexpected arguments")
            return tuple.__new__(cls, values)

        def _replace(self, **changes):
            unknown = set(changes) - set(fields)
            if unknown:
                raise ValueError(f"{name}: unknown fields {sorted(unknown)}")
            return tuple.__new__(
                type(self), [changes.get(f, v) for f, v in zip(fields, self, strict=True)]
            )

        def __repr__(self):
            return f"{name}({', '.join(f'{f}={v!r}' for f, v in zip(fields, self, strict=True))})"

        return {
            "__slots__": (),
            "__new__": __new__,
            "__repr__": __repr__,
            "__getnewargs__": lambda self: tuple(self),
            "_replace": _replace,
            "_asdict": lambda self: dict(zip(fields, self, strict=True)),
            "_fields": fields,
            "_field_defaults": defaults,
            **{f: property(itemgetter(i)) for i, f in enumerate(fields)},
        }

    class _RecordMeta(type):
        def __new__(mcs, name, bases, namespace):
            if not bases:  # Record itself
                return super().__new__(mcs, name, (tuple,), dict(namespace))
            annotations = namespace.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = {f: namespace.pop(f) for f in fields if f in namespace}
            if list(defaults) != list(fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{name}: fields with defaults must come last")
            body = {k: v for k, v in namespace.items() if k not in ("__dict__", "__weakref__")}
            body.update(_methods(name, fields, defaults))
            return super().__new__(mcs, name, (tuple,), body)

    class Record(metaclass=_RecordMeta):
        """Base of the light named tuples; subclass it like typing.NamedTuple."""


__all__ = ["Record"]
