"""The assessment page by page: one per kind of intimacy, responsiveness, two love-map pages."""

from dataclasses import dataclass

from closeknit.assessment.content import Catalog
from closeknit.assessment.models import KINDS, Response


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    section: str  # the Response field it fills: intimacy, responsiveness or lovemap
    groups: tuple[str, ...] = ()  # the kinds or love-map topics on this page

    def keys(self, catalog: Catalog) -> list[str]:
        if self.section == "intimacy":
            return [i.key for i in catalog.intimacy if i.kind in self.groups]
        if self.section == "responsiveness":
            return [i.key for i in catalog.responsiveness]
        return [q.key for q in catalog.lovemap if q.topic in self.groups]

    def is_done(self, response: Response | None, catalog: Catalog) -> bool:
        answers = getattr(response, self.section, None) or {}
        return all(k in answers for k in self.keys(catalog))


STEPS = [
    *(Step(kind, f"{label} intimacy", "intimacy", (kind,)) for kind, label in KINDS),
    Step("responsiveness", "Responsiveness, both ways", "responsiveness"),
    Step(
        "love-map-1",
        "Love map: people, stresses, hopes",
        "lovemap",
        ("people", "stresses", "hopes"),
    ),
    Step(
        "love-map-2",
        "Love map: growing up, likes, inner world",
        "lovemap",
        ("history", "preferences", "inner_world"),
    ),
]
BY_SLUG = {s.slug: s for s in STEPS}


def missing(response: Response | None, catalog: Catalog) -> list[Step]:
    return [s for s in STEPS if not s.is_done(response, catalog)]


def after(step: Step) -> Step | None:
    i = STEPS.index(step)
    return STEPS[i + 1] if i + 1 < len(STEPS) else None
