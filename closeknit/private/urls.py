from django.urls import path

from closeknit.private import views

# Mounted at /private/; the app calls it "Just us" wherever people can see it.
app_name = "private"
urlpatterns = [
    path("", views.index, name="index"),
    path("on/", views.opt_in, name="opt_in"),
    path("off/", views.opt_out, name="opt_out"),
    path("answer/", views.answer_list, name="answer"),
    path("answer/<str:key>/", views.answer_item, name="answer_item"),
    path("try-next/", views.try_next_add, name="try_next_add"),
    path("try-next/<uuid:pk>/tried/", views.try_next_tried, name="try_next_tried"),
    path("try-next/<uuid:pk>/remove/", views.try_next_remove, name="try_next_remove"),
    path("evening/", views.evening, name="evening"),
    path("reminder/<uuid:pk>/done/", views.dismiss, name="dismiss"),
]
