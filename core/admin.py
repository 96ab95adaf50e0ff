"""What every app's admin shares."""

from django.db import models

# Links typed without a scheme are taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
