from django.urls import path

from closeknit.checkin import views

app_name = "checkin"
urlpatterns = [
    path("", views.index, name="index"),
    path("resources/", views.resources, name="resources"),
    path("support/", views.support, name="support"),
    path("support/<uuid:pk>/answer/", views.answer_support, name="answer_support"),
    path("support/<uuid:pk>/close/", views.close_support, name="close_support"),
    path("intentions/", views.intentions, name="intentions"),
    path("intentions/still-true/", views.confirm_intention, name="confirm_intention"),
]
