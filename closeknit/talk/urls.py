from django.urls import path

from closeknit.talk.views import both_true, daily, talk_time

app_name = "talk"
urlpatterns = [
    path("", daily.index, name="index"),
    path("questions/<uuid:question_id>/", daily.question, name="question"),
    path("questions/<uuid:question_id>/answer/", daily.answer, name="answer"),
    path("questions/<uuid:question_id>/pass/", daily.pass_question, name="pass"),
    path("questions/<uuid:question_id>/another/", daily.another, name="another"),
    path("questions/<uuid:question_id>/save/", daily.save_for_later, name="save"),
    path("questions/<uuid:question_id>/reply/", daily.reply, name="reply"),
    path("replies/<uuid:reply_id>/react/", daily.react, name="react"),
    path("replies/<uuid:reply_id>/thank/", daily.thank, name="thank"),
    path("history/", daily.history, name="history"),
    path("library/", daily.library, name="library"),
    path("library/depth/", daily.set_depth, name="set_depth"),
    path("library/<uuid:prompt_id>/ask/", daily.ask, name="ask"),
    path("library/<uuid:prompt_id>/edit/", daily.edit_prompt, name="edit_prompt"),
    path("library/<uuid:prompt_id>/delete/", daily.delete_prompt, name="delete_prompt"),
    path("both-true/", both_true.both_true_list, name="both_true_list"),
    path("both-true/<uuid:both_id>/", both_true.both_true, name="both_true"),
    path("both-true/<uuid:both_id>/ask/", both_true.ask, name="both_true_ask"),
    path(
        "both-true/questions/<uuid:question_id>/answer/",
        both_true.answer_question,
        name="both_true_answer",
    ),
    path("time/", talk_time.overview, name="talk_time"),
    path("time/propose/", talk_time.propose, name="propose_talk_time"),
    path("time/<uuid:talk_time_id>/accept/", talk_time.accept, name="accept_talk_time"),
    path("sessions/new/", talk_time.start, name="start_session"),
    path("sessions/<uuid:session_id>/", talk_time.session, name="session"),
]
