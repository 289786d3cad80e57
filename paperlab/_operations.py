"""The registry through which the layers above the model implement model methods.

``Library.search``, ``Library.cards``, ``Paper.to_bibtex``... are declared on the model classes, which
must not import search, the widget or the formats (they sit above the model). Each of those layers
registers its implementation here when it is imported; ``paperlab/__init__.py`` names, for every
operation, the function that imports the layer providing it, so the first call imports it and
``import paperlab`` stays light (the spirit of pandas' ``register_dataframe_accessor``).

Model layer: imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

__all__ = ["Operations"]

NameT = TypeVar("NameT", bound=str)
F = TypeVar("F", bound=Callable[..., Any])


class Operations(Generic[NameT]):
    """Named implementations of one model class's methods, registered by the layers above.

    Parameters
    ----------
    owner : str
        The class whose methods these are (for messages), e.g. ``"Library"``.
    names : iterable of str
        Every operation that may be registered.

    Examples
    --------
    >>> ops: Operations[str] = Operations("Thing", ["shout"])
    >>> ops.register("shout", str.upper)
    >>> ops.get("shout")("hi")
    'HI'
    """

    def __init__(self, owner: str, names: Iterable[NameT]) -> None:
        self.owner = owner
        self.names: frozenset[str] = frozenset(names)
        self._impls: dict[str, Callable[..., Any]] = {}
        self._loaders: dict[str, Callable[[], object]] = {}

    def _check(self, name: str) -> None:
        if name not in self.names:
            raise ValueError(f"{self.owner} has no operation {name!r}; expected one of {sorted(self.names)}")

    def register(self, name: NameT, func: Callable[..., Any]) -> None:
        """Make ``func`` the implementation of ``<owner>.<name>`` (called with the instance first)."""
        self._check(name)
        self._impls[name] = func

    def implements(self, name: NameT) -> Callable[[F], F]:
        """Decorator form of :meth:`register`."""

        def decorate(func: F) -> F:
            self.register(name, func)
            return func

        return decorate

    def provide(self, names: Iterable[NameT], loader: Callable[[], object]) -> None:
        """Call ``loader`` (which imports the layer that registers ``names``) when one is first needed."""
        for name in names:
            self._check(name)
            self._loaders[name] = loader

    def get(self, name: NameT) -> Callable[..., Any]:
        """The implementation of ``<owner>.<name>``, loading the layer that provides it on first use.

        Raises
        ------
        NotImplementedError
            When no layer registered it (a model module used without the ``paperlab`` package).
        """
        impl = self._impls.get(name)
        if impl is None:
            loader = self._loaders.get(name)
            if loader is not None:
                loader()
            impl = self._impls.get(name)
        if impl is None:
            raise NotImplementedError(f"{self.owner}.{name}: no implementation registered (import paperlab)")
        return impl

    def __contains__(self, name: object) -> bool:
        return name in self._impls
