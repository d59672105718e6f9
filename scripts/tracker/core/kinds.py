"""The one registry of record kinds: the only place that lists events, claims, actors and sources.

Each kind names its data folder (also its path segment on the site and in the API),
its singular (the record type named in every output and its schema file), and its
titles. The code that handles one kind registers itself here with ``provides``:
the model class and builder (model.records), the record page (render.pages.records), the index
(render.pages.indexes), the search entry (render.pages.search), the API document and list item
(exports.json_api) and the JSON-LD node (exports.jsonld). Every other module iterates ``ALL`` or looks a kind up with
``get``; an unknown kind is an error (``UnknownKind``), never "a source".

This module imports no other project module, so that every layer may read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

# A handler keeps its own signature through ``provides``, so mypy checks every call made to it by name.
Handler = TypeVar("Handler", bound=Callable[..., Any])

# What each kind must have registered once every module is imported (see ``missing``).
ROLES = ("model_class", "builder", "page", "index", "search_entry", "api_document", "list_item", "jsonld")


class UnknownKind(KeyError):
    """A record kind (or type) the registry does not know."""


@dataclass(slots=True, eq=False)
class Kind:
    folder: str  # "events": data/events/, events/<id>/ on the site, api/v2/events/
    singular: str  # "event": the record type in every output, schema/event.schema.json
    title: str  # "Events": headings and indexes
    singular_title: str  # "Event": the label on a record page
    headline: tuple[str, ...]  # the data fields that name a record in a summary, first present wins
    handlers: dict[str, Callable[..., Any]] = field(default_factory=dict)

    @property
    def schema(self) -> str:
        """The stem of the kind's schema file in schema/."""
        return self.singular

    def handler(self, role: str) -> Callable[..., Any]:
        try:
            return self.handlers[role]
        except KeyError:
            raise UnknownKind(f"no {role} registered for {self.folder}") from None


ALL: tuple[Kind, ...] = (
    Kind("events", "event", "Events", "Event", ("title",)),
    Kind("claims", "claim", "Claims", "Claim", ("statement",)),
    Kind("actors", "actor", "Actors", "Actor", ("name",)),
    Kind("sources", "source", "Sources", "Source", ("title", "description")),
)
FOLDERS: tuple[str, ...] = tuple(k.folder for k in ALL)
_BY_FOLDER = {k.folder: k for k in ALL}
_BY_SINGULAR = {k.singular: k for k in ALL}


def folders_in_words(conjunction: str) -> str:
    """The folders as prose: "events, claims, actors or sources"."""
    return f"{', '.join(FOLDERS[:-1])} {conjunction} {FOLDERS[-1]}"


def get(folder: str) -> Kind:
    """The kind stored in a data folder ("events"); UnknownKind for any other name."""
    try:
        return _BY_FOLDER[folder]
    except KeyError:
        raise UnknownKind(folder) from None


def by_singular(singular: str) -> Kind:
    """The kind of a record type or schema stem ("event")."""
    try:
        return _BY_SINGULAR[singular]
    except KeyError:
        raise UnknownKind(singular) from None


def provides(folder: str, role: str) -> Callable[[Handler], Handler]:
    """Register the decorated function (or class) as the kind's ``role`` handler; it is returned unchanged, with its type."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")

    def register(fn: Handler) -> Handler:
        get(folder).handlers[role] = fn
        return fn

    return register


def call(role: str, folder: str, *args: Any) -> Any:
    """Call the handler a kind registered for ``role``."""
    return get(folder).handler(role)(*args)


def missing() -> list[str]:
    """ "kind: role" for every handler not registered (empty once every module is imported)."""
    return [f"{k.folder}: {role}" for k in ALL for role in ROLES if role not in k.handlers]
