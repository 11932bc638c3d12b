from django.urls import path

from closeknit.dreams import views

app_name = "dreams"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/edit/", views.edit, name="edit"),
    path("<uuid:pk>/delete/", views.delete, name="delete"),
    path("<uuid:pk>/pledge/", views.pledge, name="pledge"),
    path("<uuid:pk>/pledge/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:pk>/tasks/", views.task_add, name="task_add"),
    path("<uuid:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path("tasks/<uuid:pk>/take/", views.task_take, name="task_take"),
    path("tasks/<uuid:pk>/done/", views.task_done, name="task_done"),
    path("tasks/<uuid:pk>/remove/", views.task_remove, name="task_remove"),
    path("milestones/<uuid:pk>/reached/", views.reach, name="reach"),
    path("milestones/<uuid:pk>/celebrate/", views.celebrate, name="celebrate"),
    path("milestones/<uuid:pk>/remove/", views.milestone_remove, name="milestone_remove"),
]
