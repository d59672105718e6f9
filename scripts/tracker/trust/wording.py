"""What changed in a record, in a reader's words, from its versions compared field by field.

The History of a record page, the "What changed" page, its feed and the API say what changed in the
record itself ("The statement was reworded. Assessment: unverified → disputed. A citation was
added."), never a commit's subject: a subject is written for the repository's readers (it names code,
issues and files) and a commit may change code and data at once.
"""

from __future__ import annotations

from tracker.core import dates
from tracker.load.history import Commit
from tracker.load.loader import LoadFailed, decode, load_text

# A field whose text is rewritten, by its name in a reader's words (plural: "were").
TEXTS = {
    "statement": "The statement",
    "quote": "The quote",
    "summary": "The summary",
    "title": "The title",
    "name": "The name",
    "description": "The description",
    "described_as": "The description of the actor",
    "notes": "The editorial notes",
    "date_note": "The note on the date",
    "location": "The place",
    "outlet": "The outlet",
    "url": "The address of the source",
    "archived_url": "The address of the archived copy",
    "seed": "The archived text",
    "language": "The language",
    "kind": "The kind",
    "made_in": "Where it was said",
    "country": "The country",
    "part_of": "The larger event it belongs to",
    "reported_via": "The source it was reported through",
    "short_title": "The short title",
    "chronology": "The order in time",
    "withdrawn": "The withdrawal",
}
# A list field: (one item, several items).
LISTS = {
    "citations": ("a citation", "citations"),
    "tags": ("a tag", "tags"),
    "claimants": ("a claimant", "claimants"),
    "about": ("an event it is about", "events it is about"),
    "actors": ("an actor", "actors"),
    "links": ("a link to another claim", "links to other claims"),
    "quantities": ("a figure", "figures"),
    "aliases": ("another name", "other names"),
    "roles": ("a role", "roles"),
    "authors": ("an author", "authors"),
    "member_of": ("a group it belongs to", "groups it belongs to"),
    "corrections": ("a correction", "corrections"),
}
DATES = ("date", "published")
PLURAL_TEXTS = frozenset({"notes"})


def parse(raw: bytes | None) -> dict | None:
    """A version of a record file as data, or None when it cannot be read (read strictly, as data/ is)."""
    if raw is None:
        return None
    try:
        data = load_text(decode(raw)).data
    except LoadFailed:
        return None
    return data if isinstance(data, dict) else None


def _date_words(value: object) -> str:
    text = str(value)
    return dates.humanize(text) if dates.is_valid(text) else text


def _date(name: str, old: object, new: object) -> str:
    noun = "The date" if name == "date" else "The publication date"
    if old is None:
        return f"{noun} was added: {_date_words(new)}."
    if new is None:
        return f"{noun} was removed."
    if str(old) in str(new) and len(str(new)) > len(str(old)):
        return f"{noun} was made more precise: {_date_words(new)}."
    if str(new) in str(old) and len(str(old)) > len(str(new)):
        return f"{noun} was made less precise: {_date_words(new)}."
    return f"{noun} changed from {_date_words(old)} to {_date_words(new)}."


def _text(name: str, old: object, new: object) -> str:
    noun = TEXTS.get(name, "A detail")
    verb = "were" if name in PLURAL_TEXTS else "was"
    if old is None:
        return f"{noun} {verb} added."
    if new is None:
        return f"{noun} {verb} removed."
    return f"{noun} {verb} reworded." if isinstance(old, str) and isinstance(new, str) else f"{noun} changed."


def _list(name: str, old: object, new: object) -> str:
    one, many = LISTS[name]
    before = old if isinstance(old, list) else []
    after = new if isinstance(new, list) else []
    added = len(after) - len(before)
    if added == 1:
        return f"{one[0].upper()}{one[1:]} was added."
    if added > 1:
        return f"{added} {many} were added."
    if added == -1:
        return f"{one[0].upper()}{one[1:]} was removed."
    if added < -1:
        return f"{-added} {many} were removed."
    return f"The {many} were revised."


def _assessment(old: object, new: object) -> list[str]:
    before = old if isinstance(old, dict) else {}
    after = new if isinstance(new, dict) else {}
    said = []
    if before.get("status") != after.get("status"):
        said.append(f"Assessment: {before.get('status') or 'none'} → {after.get('status') or 'none'}.")
    if {k: v for k, v in before.items() if k != "status"} != {k: v for k, v in after.items() if k != "status"}:
        said.append("The explanation of the assessment was revised.")
    return said


def describe(old: dict | None, new: dict | None) -> str:
    """What changed between two versions of one record, field by field, in a reader's words; "" when
    either version cannot be read or nothing a reader sees changed (a file only reformatted)."""
    if old is None or new is None:
        return ""
    said: list[str] = []
    for name in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name == "assessment":
            said += _assessment(before, after)
        elif name in DATES:
            said.append(_date(name, before, after))
        elif name in LISTS:
            said.append(_list(name, before, after))
        else:
            said.append(_text(name, before, after))
    return " ".join(said)


def commit_words(added: int, changed: int, withdrawn: int) -> str:
    """A change to the records as a whole, for the "What changed" page, its feed and the API: "2 records added, 1 changed."."""
    counts = [(n, verb) for n, verb in ((added, "added"), (changed, "changed"), (withdrawn, "withdrawn")) if n]
    if not counts:
        return "No record changed."
    first, verb = counts[0]
    head = f"{first} {'record' if first == 1 else 'records'} {verb}"
    return ", ".join([head, *(f"{n} {v}" for n, v in counts[1:])]) + "."


def commit_summary(commit: Commit) -> str:
    """What one commit did to the records, in words: "1 record changed." """
    return commit_words(len(commit.added), len(commit.changed), len(commit.withdrawn))
