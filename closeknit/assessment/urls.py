from django.urls import path

from closeknit.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("take/<slug:step>/", views.take, name="take"),
    path("review/", views.review, name="review"),
    path("finish/", views.finish, name="finish"),
    path("<uuid:pk>/report/", views.report, name="report"),
    path("<uuid:pk>/report/print/", views.report_print, name="report_print"),
]
