"""Every kind of notification and its only possible wording.

Texts are fixed here and filled with the partner's name alone, so nothing
anyone wrote (an answer, a reply, a bedroom answer) can reach a notification,
an e-mail subject or a push payload. The bedroom list never notifies.
"""

from typing import NamedTuple


class Kind(NamedTuple):
    label: str  # for preferences
    text: str  # "{partner}" is the only placeholder


KINDS: dict[str, Kind] = {
    "couple_ended": Kind("Your shared space", "{partner} ended your shared space."),
    # The name goes with the account: the notice says only what happened.
    "partner_deleted": Kind("Your shared space", "Your partner deleted their account."),
    "daily_question": Kind("Today's question is ready", "Today's question is ready for you both."),
    "daily_answered": Kind("Partner answered", "{partner} answered today's question."),
    "question_asked": Kind("Questions asked", "{partner} asked you one more question today."),
    "reply": Kind("Replies", "{partner} replied to your answer."),
    "thanks": Kind("Thanks for listening", "{partner} thanked you for listening."),
    "both_true": Kind("Both true", "{partner} started a “both true”."),
    "both_true_written": Kind("Both true", "{partner} wrote their side of a “both true”."),
    "talk_time": Kind("Talk time", "It's almost time for your talk time."),
    "talk_time_proposed": Kind("Talk time", "{partner} suggested a weekly talk time."),
    "appreciation": Kind("Appreciations", "{partner} sent you an appreciation."),
    "checkin": Kind("Weekly check-in", "Your weekly one-minute check-in is open."),
    "checkin_done": Kind("Weekly check-in", "{partner} did this week's check-in."),
    "support": Kind("Support", "{partner} could use some support today."),
    "support_answered": Kind("Support", "{partner} is here for you."),
    "intentions": Kind("Intentions", "A good month to look at your intentions again."),
    "assessment": Kind("Assessment", "{partner} finished the couples' assessment."),
    "date_proposed": Kind("Dates", "{partner} suggested a date."),
    "date_answered": Kind("Dates", "{partner} answered your date idea."),
    "date_cancelled": Kind("Dates", "{partner} called off a date."),
    "date_reminder": Kind("Dates", "Your date is coming up."),
    "dream_pledge": Kind("Dreams", "{partner} pledged support for your dream."),
    "milestone": Kind("Dreams", "{partner} reached a milestone."),
    "celebration": Kind("Dreams", "{partner} celebrated your milestone."),
    # Paths: never the path's name (one of them lives behind "Just us").
    "path_proposed": Kind("Paths", "{partner} suggested a path for the two of you."),
    "path_accepted": Kind("Paths", "{partner} said yes to the path you suggested."),
    "path_reflected": Kind("Paths", "{partner} reflected on this week of your path."),
    "path_reflection": Kind(
        "Paths", "Your path's week is ending: a ten-second reflection is open."
    ),
    "path_finished": Kind("Paths", "You and {partner} finished a path together."),
}


def text_for(kind: str, partner_name: str) -> str:
    return KINDS[kind].text.format(partner=partner_name)
