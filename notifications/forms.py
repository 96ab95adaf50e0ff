from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import FOLLOWABLE


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in FOLLOWABLE])
    id = forms.IntegerField(min_value=1)
    operation = forms.ChoiceField(
        choices=[("follow", _("Follow")), ("unfollow", _("Stop following"))]
    )
