"""Choices shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read it")
    MEMBERS = "members", _("Members only: approved members of the network")
