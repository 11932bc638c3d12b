"""The product's refusals: one base class, one kind per answer.

Services raise these when a rule of the product says no; every transport
answers the same kind the same way: a page shows the message on its form
(the same words), the JSON API answers with the kind's status and
`{"detail", "code", "field"}`, the CLI prints the message.

    >>> raise Invalid("Write a few words, or pass on this one.", field="text")
    Traceback (most recent call last):
    closeknit.lib.errors.Invalid: Write a few words, or pass on this one.
"""


class DomainError(Exception):
    """A rule of the product refused the request; nothing was changed."""

    status = 422
    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Invalid(DomainError):
    """The input breaks a rule: empty or too long text, a number out of range, a bad time."""


class Conflict(DomainError):
    """Not possible in the current state: already answered, already accepted, not yet open."""

    status = 409
    code = "conflict"


class Forbidden(DomainError):
    """Someone else's to do: the partner's reply to thank, the author's dream to change."""

    status = 403
    code = "forbidden"


class NotFound(DomainError):
    """Nothing of the couple's by that name (a suggestion, an idea, the jar is empty)."""

    status = 404
    code = "not_found"


class RateLimited(DomainError):
    """Too many requests of one kind in a short while."""

    status = 429
    code = "rate_limited"

    def __init__(self, message: str = "Too many requests. Please wait a little and try again."):
        super().__init__(message)
