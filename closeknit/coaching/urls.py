from django.urls import path

from closeknit.coaching import views

urlpatterns = [
    path("", views.coach, name="coach"),
]
