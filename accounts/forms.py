from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.pictures import ACCEPT, check_picture
from themes.models import Theme

from .enums import SpokenLanguage
from .models import User


class ProfileForm(forms.ModelForm):
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SpokenLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Themes of expertise"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    avatar = forms.ImageField(
        label=_("Avatar"),
        required=False,
        help_text=_("A JPEG, PNG, WebP or GIF picture of at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "job_title",
            "job_title_language",
            "organisation",
            "languages_spoken",
            "expertise",
            "avatar",
            "in_directory",
            "preferred_language",
            "notification_frequency",
            "report_emails",
        ]
        help_texts = {
            # What the member directory (cities/directory.py) shows and allows.
            "in_directory": _(
                "Approved members can then find you in the member directory with your name, "
                "job title, organisation, cities and roles, themes of expertise and languages, "
                "and write to you by e-mail through the portal, which does not show them your "
                "address."
            ),
        }

    def __init__(self, *args, moderator: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # A form posted without them (an older page) keeps the current choices.
        self.fields["notification_frequency"].required = False
        self.fields["job_title_language"].required = False
        # Only those who moderate comments hear of reports.
        if moderator:
            self.fields["report_emails"].required = False
        else:
            del self.fields["report_emails"]

    def clean_notification_frequency(self):
        return (
            self.cleaned_data.get("notification_frequency") or self.instance.notification_frequency
        )

    def clean_report_emails(self):
        return self.cleaned_data.get("report_emails") or self.instance.report_emails

    def clean_job_title_language(self):
        return self.cleaned_data.get("job_title_language") or self.instance.job_title_language

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and avatar != self.instance.avatar and hasattr(avatar, "content_type"):
            check_picture(avatar, max_bytes=settings.AVATAR_MAX_BYTES)
        return avatar


class _LabelsOnly:
    """Each field says what it is in its label (in our words); allauth's placeholders repeat the
    label in allauth's own translations ("Epost-adress" in Swedish) and vanish as one types."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class LoginForm(_LabelsOnly, allauth_forms.LoginForm):
    pass


class SignupForm(_LabelsOnly, allauth_forms.SignupForm):
    """A name as well as an address: coordinators approve people, not e-mail addresses."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=70,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=70,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)

    @property
    def full_name(self) -> str:
        """The name as the portal shows it (``User.full_name``), spaces tidied."""
        parts = (self.cleaned_data.get("first_name", ""), self.cleaned_data.get("last_name", ""))
        return " ".join(" ".join(part.split()) for part in parts if part.strip())


class ResetPasswordForm(_LabelsOnly, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(_LabelsOnly, allauth_forms.ResetPasswordKeyForm):
    pass
