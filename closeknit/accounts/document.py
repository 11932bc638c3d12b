"""The readable export written as a document: one section per practice, entries as prose.

Everything comes from `export_for()`'s data and nothing else, so the page can
show no more than the download. Each writer turns one kind of entry into an
`Entry` and hands the fields it did not use to `readable.rest()`, so a field
added to an app's export later still shows up, plainly labelled, until someone
writes it into the prose here. A practice with no writer is shown whole the
same way.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from closeknit.accounts.readable import (
    Entry,
    Line,
    Node,
    People,
    day,
    day_and_time,
    is_empty,
    moment,
    node,
    rest,
    sentence,
    text,
    title,
)
from closeknit.dates.models import DatePlan
from closeknit.dreams.models import Dream
from closeknit.fun.models import Show
from closeknit.talk.models import SESSION_KINDS

# The fields of a couple that are about the pairing itself, not a practice.
COUPLE_FACTS = ("id", "timezone", "joined_at", "left_at", "partner")

Writer = Callable[[dict[str, Any], People], Entry]


@dataclass
class Section:
    slug: str
    heading: str
    entries: list[Entry] = field(default_factory=list)
    whole: Node | None = None  # a practice no writer knows yet, shown as a plain tree

    @property
    def is_empty(self) -> bool:
        return not self.entries and self.whole is None


@dataclass
class CoupleDocument:
    slug: str
    heading: str
    facts: list[str]
    sections: list[Section]
    empty: list[str]  # headings of practices with nothing in them yet


def _answer(answer: dict[str, Any] | None, who: str) -> list[Line]:
    """One person's answer to a question: their words, or that they passed."""
    if not answer:
        return []
    more = rest(answer, ("text", "passed", "edited", "first_text"))
    if answer.get("passed"):
        return [Line(who, note="passed", more=more)]
    return [Line(who, answer.get("text", ""), note=_edited(answer, "first_text"), more=more)]


def _edited(item: dict[str, Any], first: str) -> str:
    """ "(edited)", with the words as first shared when they were kept (sealing.settle)."""
    if not item.get("edited"):
        return ""
    return f"(edited; first shared as “{item[first]}”)" if item.get(first) else "(edited)"


def _reply(reply: dict[str, Any], people: People) -> Entry:
    """A reply under the answers: who wrote it and when, on the reader's clock."""
    who, words = people.who(reply.get("mine", False)), reply.get("text", "")
    when, more = moment(reply.get("created")), rest(reply, ("mine", "text", "created"))
    return Entry(lines=[Line(who, words, when=when, more=more)])


def daily_question(item: dict[str, Any], people: People) -> Entry:
    replies = [_reply(r, people) for r in item.get("replies", [])]
    notes = [Line("A coach's note you kept", n) for n in item.get("my_kept_coach_notes", [])]
    return Entry(
        heading=day(item.get("date")),
        lead=item.get("prompt", ""),
        lines=_answer(item.get("mine"), "You")
        + _answer(item.get("partner"), people.partner)
        + notes,
        replies=replies,
        more=rest(item, ("date", "prompt", "mine", "partner", "replies", "my_kept_coach_notes")),
    )


def both_true(item: dict[str, Any], people: People) -> Entry:
    lines = [
        Line(who, words)
        for who, words in (("You", item.get("mine")), (people.partner, item.get("partner")))
        if words
    ]
    return Entry(
        lead=item.get("title", ""), lines=lines, more=rest(item, ("title", "mine", "partner"))
    )


def own_prompt(item: Any, people: People) -> Entry:
    return Entry(lines=[Line("", text(item))])


def talk_session(item: dict[str, Any], people: People) -> Entry:
    ratings = [
        Line(
            people.named(r.get("name")),
            ", ".join(f"{title(k).lower()} {v}" for k, v in r.items() if k != "name"),
        )
        for r in item.get("ratings", [])
    ]
    return Entry(
        heading=day_and_time(item.get("date")),
        lead=item.get("topic", ""),
        lines=[Line("Note", n) for n in item.get("notes", [])] + ratings,
        footnote=dict(SESSION_KINDS).get(item.get("kind", ""), text(item.get("kind"))),
        more=rest(item, ("date", "topic", "kind", "ratings", "notes")),
    )


def appreciation(item: dict[str, Any], people: People) -> Entry:
    mine = item.get("from_me", False)
    lead = f"From you to {people.partner}" if mine else f"From {people.partner} to you"
    labels = {
        "what_you_did": "What you did",
        "how_it_affected_me": "How it affected me",
        "what_it_shows_about_you": "What it shows about you",
    }
    lines = [Line(label, item[k]) for k, label in labels.items() if item.get(k)]
    if item.get("reaction"):
        lines.append(Line(f"{people.possessive(not mine)} reaction", item["reaction"]))
    return Entry(
        heading=day(item.get("created")),
        lead=lead,
        lines=lines,
        more=rest(item, ("from_me", "created", "reaction", *labels)),
    )


def journal(item: dict[str, Any], people: People) -> Entry:
    return Entry(
        heading=day_and_time(item.get("created")),
        lines=[Line("", item.get("text", ""))],
        more=rest(item, ("created", "text")),
    )


def support_signal(item: dict[str, Any], people: People) -> Entry:
    mine = item.get("mine", False)
    asker, answerer = people.who(mine), people.who(not mine)
    lines = [Line(asker, item["note"])] if item.get("note") else []
    answer = " — ".join(t for t in (item.get("answer"), item.get("answer_note")) if t)
    if answer:
        lines.append(Line(answerer, answer))
    closed = item.get("closed_at")
    return Entry(
        heading=day_and_time(item.get("created")),
        lead=f"{asker} asked for: {item.get('kind', '')}",
        lines=lines,
        footnote=f"Closed {moment(closed)}" if closed else "",
        more=rest(item, ("mine", "created", "kind", "note", "answer", "answer_note", "closed_at")),
    )


def _checkin_lines(entry: dict[str, Any] | None, mine: bool, people: People) -> list[Line]:
    """One person's check-in for a week, in a sentence, and their note under it."""
    if not entry:
        return []
    parts = []
    if entry.get("mood"):
        parts.append(f"feeling {entry['mood'].lower()}")
    if entry.get("closeness") is not None:
        parts.append(f"closeness {entry['closeness']}")
    if entry.get("satisfaction") is not None:
        parts.append(f"satisfaction {entry['satisfaction']:g}")
    if entry.get("scores"):
        parts.append(f"answers {', '.join(map(str, entry['scores'].values()))}")
    if entry.get("needs"):
        parts.append("would like more " + ", ".join(n.replace("_", " ") for n in entry["needs"]))
    summary = ", ".join(parts)
    more = rest(entry, ("week", "mood", "closeness", "satisfaction", "needs", "note", "scores"))
    lines = [Line(people.who(mine), sentence(summary), more=more)]
    if entry.get("note"):
        lines.append(Line(f"{people.possessive(mine)} note", entry["note"]))
    return lines


def checkin(item: dict[str, Any], people: People) -> Entry:
    lines = _checkin_lines(item.get("mine"), True, people)
    lines += _checkin_lines(item.get("partner"), False, people)
    return Entry(
        heading=f"The week of {day(item.get('week'))}",
        lines=lines,
        footnote="" if lines else "No check-in this week.",
        more=rest(item, ("week", "mine", "partner")),
    )


def intention(item: dict[str, Any], people: People) -> Entry:
    mine = item.get("mine", False)
    lines = [Line("I want", item["want"])] if item.get("want") else []
    if item.get("willing"):
        lines.append(Line("I'm willing to", item["willing"]))
    reviewed = item.get("reviewed_at")
    return Entry(
        heading=day(item.get("created")),
        lead=f"{people.possessive(mine)} intention",
        lines=lines,
        footnote=f"Looked back on {day(reviewed)}" if reviewed else "",
        more=rest(item, ("mine", "created", "want", "willing", "reviewed_at")),
    )


def _scale_points(answers: dict[str, Any]) -> str:
    """{"emotional-1": [6, 7], …} as "emotional 6/7, …": the questions are codes, grouped."""
    groups: dict[str, list[str]] = {}
    for code, points in answers.items():
        group = code.rsplit("-", 1)[0].replace("-", " ")
        values = points if isinstance(points, list) else [points]
        groups.setdefault(group, []).append("/".join(map(str, values)))
    return " · ".join(f"{group} {', '.join(values)}" for group, values in groups.items())


def _assessment_answers(answers: dict[str, Any] | None, lead: str) -> list[Entry]:
    if not answers:
        return []
    groups = [key for key, value in answers.items() if isinstance(value, dict)]
    lines = [Line(title(key), _scale_points(answers[key])) for key in groups if answers[key]]
    finished = answers.get("finished_at")
    return [
        Entry(
            lead=lead,
            lines=lines,
            footnote=f"Finished {day(finished)}" if finished else "",
            more=rest(
                answers, ("finished_at", *(k for k, v in answers.items() if isinstance(v, dict)))
            ),
        )
    ]


def assessment_round(item: dict[str, Any], people: People) -> Entry:
    return Entry(
        heading=f"Round {item.get('number', '')}",
        replies=_assessment_answers(item.get("mine"), "Your answers")
        + _assessment_answers(item.get("partner"), f"{people.partner}'s answers"),
        footnote=f"Started {day(item.get('started_on'))}" if item.get("started_on") else "",
        more=rest(item, ("number", "started_on", "mine", "partner")),
    )


def _rating(rating: dict[str, Any] | None, who: str) -> list[Line]:
    if not rating:
        return []
    stars = f"{rating['stars']} of 5 stars" if rating.get("stars") else ""
    more = rest(rating, ("stars", "memory"))
    if rating.get("memory"):
        return [Line(who, rating["memory"], note=f"({stars})" if stars else "", more=more)]
    return [Line(who, stars, more=more)]


def date_plan(item: dict[str, Any], people: People) -> Entry:
    # "On" is the app's word for an accepted date; alone in a list of facts it needs more.
    statuses = {**dict(DatePlan.Status.choices), DatePlan.Status.ACCEPTED: "Agreed"}
    facts = [statuses.get(item.get("status", ""), text(item.get("status")))]
    if item.get("place"):
        facts.append(item["place"])
    if item.get("minutes"):
        facts.append(f"{item['minutes']} minutes")
    if item.get("proposed_by"):
        facts.append(f"suggested by {people.inline(item['proposed_by'])}")
    planner = item.get("planner")
    if planner:
        facts.append(
            "planned together" if planner == "both" else f"planned by {people.inline(planner)}"
        )
    return Entry(
        heading=day_and_time(item.get("starts_at")),
        lead=item.get("title", ""),
        lines=_rating(item.get("my_rating"), "You")
        + _rating(item.get("partner_rating"), people.partner),
        footnote=" · ".join(facts),
        more=rest(
            item,
            (
                "title",
                "place",
                "starts_at",
                "minutes",
                "status",
                "proposed_by",
                "planner",
                "my_rating",
                "partner_rating",
            ),
        ),
    )


def ritual(item: dict[str, Any], people: People) -> Entry:
    done = [text(d) for d in item.get("done_on", [])]
    return Entry(
        lead=item.get("title", ""),
        lines=[Line("", item["description"])] if item.get("description") else [],
        footnote="; ".join(
            t
            for t in (
                sentence(item.get("when", "")),
                f"done on {', '.join(done)}" if done else "",
            )
            if t
        ),
        more=rest(item, ("title", "when", "description", "done_on")),
    )


def show(item: dict[str, Any], people: People) -> Entry:
    status = dict(Show.Status.choices).get(item.get("status", ""), text(item.get("status")))
    return Entry(
        lines=[Line(item.get("title", ""), status)],
        more=rest(item, ("title", "status", "updated")),
    )


def joke(item: dict[str, Any], people: People) -> Entry:
    return Entry(
        lines=[Line(people.named(item.get("added_by")) or "", item.get("text", ""))],
        more=rest(item, ("text", "added_by", "created")),
    )


def _milestone(m: dict[str, Any], people: People) -> Entry:
    facts = []
    if m.get("target"):
        facts.append(f"hoped for by {day(m['target'])}")
    if m.get("reached_at"):
        facts.append(f"reached {day(m['reached_at'])}")
    lines = [Line("News", m["news"])] if m.get("news") else []
    celebration = m.get("celebration") or {}
    if celebration:
        lines.append(Line(people.named(celebration.get("by")), celebration.get("message", "")))
    return Entry(
        lead=f"Milestone: {m.get('title', '')}",
        lines=lines,
        footnote=sentence(", ".join(facts)),
        more=rest(m, ("title", "target", "reached_at", "news", "celebration")),
    )


def dream(item: dict[str, Any], people: People) -> Entry:
    author = people.named(item.get("author"))
    owner = {"": "someone who has since left", "You": "yours"}.get(author, f"{author}'s")
    kinds, statuses = dict(Dream.Kind.choices), dict(Dream.Status.choices)
    kind = kinds.get(item.get("kind", ""), text(item.get("kind")))
    status = statuses.get(item.get("status", ""), text(item.get("status")))
    private = " (just for you)" if item.get("visibility") == "private" else ""
    lines = [Line("", item["details"])] if item.get("details") else []
    lines += [
        Line(people.named(p.get("by")), p.get("message", ""), note="(a pledge)")
        for p in item.get("pledges", [])
    ]
    for task in item.get("tasks", []):
        taker = people.inline(task.get("taken_on_by"))
        note = ", ".join(
            t
            for t in (f"taken on by {taker}" if taker else "", "done" if task.get("done") else "")
            if t
        )
        lines.append(Line("Task", task.get("title", ""), note=f"({note})" if note else ""))
    return Entry(
        lead=item.get("title", ""),
        lines=lines,
        replies=[_milestone(m, people) for m in item.get("milestones", [])],
        footnote=f"{kind} of {owner}{private}, written {day(item.get('created'))}. {status}.",
        more=rest(
            item,
            (
                "author",
                "kind",
                "visibility",
                "status",
                "title",
                "details",
                "created",
                "pledges",
                "tasks",
                "milestones",
            ),
        ),
    )


def _reflection(r: dict[str, Any] | None, who: str) -> list[Line]:
    if not r:
        return []
    scores = ", ".join(
        f"{title(k).lower()} {r[k]}"
        for k in ("understood", "validated", "cared_for")
        if r.get(k) is not None
    )
    return [
        Line(
            who,
            r.get("note", ""),
            note=f"({scores})" if scores else "",
            when=moment(r.get("at")),
            more=rest(r, ("understood", "validated", "cared_for", "note", "at")),
        )
    ]


def _path_week(w: dict[str, Any], people: People) -> Entry:
    again = " (again)" if w.get("again") else ""
    return Entry(
        lead=f"Week {w.get('week', '')}: {w.get('title', '')}{again}",
        lines=_reflection(w.get("my_reflection"), "You")
        + _reflection(w.get("partner_reflection"), people.partner),
        footnote=f"{w.get('status', '')}, from {day(w.get('started_on'))}",
        more=rest(
            w,
            (
                "week",
                "title",
                "again",
                "status",
                "started_on",
                "my_reflection",
                "partner_reflection",
            ),
        ),
    )


def path_run(item: dict[str, Any], people: People) -> Entry:
    who = "you" if item.get("suggested_by_me") else people.partner
    facts = [f"Suggested by {who} on {day(item.get('suggested_at'))}"]
    if item.get("started_at"):
        facts.append(f"started {day(item['started_at'])}")
    if item.get("ended_at"):
        facts.append(f"ended {day(item['ended_at'])}")
    return Entry(
        lead=item.get("path", ""),
        lines=[Line("", item["status"])] if item.get("status") else [],
        replies=[_path_week(w, people) for w in item.get("weeks", [])],
        footnote=", ".join(facts),
        more=rest(
            item,
            (
                "path",
                "status",
                "suggested_by_me",
                "suggested_at",
                "started_at",
                "ended_at",
                "weeks",
            ),
        ),
    )


def tally(marks: list[dict[str, Any]], people: People) -> list[Entry]:
    """The tally is many small marks: one line a day reads better than an entry each."""
    days: dict[str, list[str]] = {}
    for mark in marks:
        days.setdefault(mark.get("day", ""), []).append(text(mark.get("kind")))
    lines = [Line(day(d) if d else "", ", ".join(kinds)) for d, kinds in days.items()]
    more = [n for mark in marks for n in rest(mark, ("day", "kind"))]
    return [Entry(lines=lines, more=more)]


# (practice, its part): the heading of its section and who writes its entries.
WRITERS: dict[tuple[str, str], tuple[str, Writer]] = {
    ("talk", "daily_questions"): ("The daily question", daily_question),
    ("talk", "both_true"): ("Both true", both_true),
    ("talk", "own_prompts"): ("Questions of your own", own_prompt),
    ("talk", "talk_sessions"): ("Talk times", talk_session),
    ("appreciate", "appreciations"): ("Appreciations", appreciation),
    ("appreciate", "gratitude_journal"): ("Your gratitude journal", journal),
    ("support", "support_signals"): ("Calls for support", support_signal),
    ("checkin", "checkins"): ("Check-ins", checkin),
    ("intentions", "intentions"): ("Intentions", intention),
    ("assessment", "rounds"): ("The assessment", assessment_round),
    ("dates", "dates"): ("Dates", date_plan),
    ("rituals", "rituals"): ("Rituals", ritual),
    ("fun", "shows"): ("Shows", show),
    ("fun", "inside_jokes"): ("The jokes jar", joke),
    ("dreams", ""): ("Dreams", dream),
    ("paths", "paths"): ("Paths", path_run),
}
# Parts written as a whole rather than entry by entry.
LIST_WRITERS: dict[tuple[str, str], tuple[str, Callable[[list[Any], People], list[Entry]]]] = {
    ("appreciate", "tally"): ("Your tally of appreciations and complaints", tally),
}
# Practices shown whole, under their own name, rather than a section for each part.
WHOLE = {"private"}


def _parts(couple: dict[str, Any]) -> list[tuple[tuple[str, str], Any]]:
    """Each practice's parts as ((practice, part), value); a list is a practice of one part."""
    parts = []
    for practice, value in couple.items():
        if practice in COUPLE_FACTS:
            continue
        if isinstance(value, dict) and practice not in WHOLE and (practice, "") not in WRITERS:
            parts += [((practice, part), v) for part, v in value.items()]
        else:
            parts.append(((practice, ""), value))
    return parts


def _section(key: tuple[str, str], value: Any, people: People, prefix: str) -> Section:
    practice, part = key
    slug = prefix + "-".join(p for p in key if p).replace("_", "-")
    if key in WRITERS and isinstance(value, list):
        heading, writer = WRITERS[key]
        return Section(slug, heading, entries=[writer(v, people) for v in value])
    if key in LIST_WRITERS and isinstance(value, list):
        heading, list_writer = LIST_WRITERS[key]
        return Section(slug, heading, entries=list_writer(value, people) if value else [])
    heading = title(part or practice)
    whole = node("", value)
    if is_empty(value) or (whole.kind == "fields" and not whole.children):
        return Section(slug, heading)
    return Section(slug, heading, whole=whole)


def couple_document(couple: dict[str, Any], my_name: str, prefix: str = "") -> CoupleDocument:
    """One couple the reader was part of; `prefix` keeps its section ids apart from another's."""
    partner = " and ".join(couple.get("partner") or []) or "Your partner"
    people = People(my_name, partner)
    # The export's own order: the practices as the app lists them.
    sections = [_section(key, value, people, prefix) for key, value in _parts(couple)]
    since = f"Together in Closeknit since {day(couple.get('joined_at'))}"
    if couple.get("left_at"):
        since += f", until {day(couple['left_at'])}"
    return CoupleDocument(
        slug=f"{prefix}together",
        heading=f"You and {partner}",
        facts=[since + "."],
        sections=[s for s in sections if not s.is_empty],
        empty=[s.heading for s in sections if s.is_empty],
    )


def couple_documents(data: dict[str, Any]) -> list[CoupleDocument]:
    my_name = data.get("profile", {}).get("name", "")
    couples = data.get("couples", [])
    many = len(couples) > 1
    return [
        couple_document(c, my_name, f"c{i}-" if many else "") for i, c in enumerate(couples, 1)
    ]
