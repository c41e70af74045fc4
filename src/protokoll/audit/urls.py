"""Audit log URLs, included by protokoll.accounts.urls under /konto/logg/."""

from django.urls import path

from protokoll.audit import views

urlpatterns = [
    path("", views.log_page, name="audit-all"),
    path("export.<str:fmt>", views.log_export, name="audit-all-export"),
    path("<int:body_id>/", views.log_page, name="audit-body"),
    path("<int:body_id>/export.<str:fmt>", views.log_export, name="audit-body-export"),
]
