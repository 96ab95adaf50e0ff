from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from themes.models import Theme

from .enums import SpokenLanguage
from .models import User

ACCEPTED_AVATAR_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_AVATAR_PIXELS = 40_000_000


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
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "job_title",
            "organisation",
            "languages_spoken",
            "expertise",
            "avatar",
            "in_directory",
            "preferred_language",
            "notification_frequency",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form posted without it (an older page) keeps the current choice.
        self.fields["notification_frequency"].required = False

    def clean_notification_frequency(self):
        return (
            self.cleaned_data.get("notification_frequency") or self.instance.notification_frequency
        )

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if not avatar or avatar == self.instance.avatar:
            return avatar
        if avatar.size > settings.AVATAR_MAX_BYTES:
            raise forms.ValidationError(
                _("The picture is %(size)s; the limit is %(limit)s.")
                % {
                    "size": filesizeformat(avatar.size),
                    "limit": filesizeformat(settings.AVATAR_MAX_BYTES),
                }
            )
        image = getattr(avatar, "image", None)
        if image is None or image.format not in ACCEPTED_AVATAR_FORMATS:
            raise forms.ValidationError(_("Upload a JPEG, PNG, WebP or GIF picture."))
        width, height = image.size
        if width * height > MAX_AVATAR_PIXELS:
            raise forms.ValidationError(_("The picture is too large in pixels; make it smaller."))
        return avatar
