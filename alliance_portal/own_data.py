"""A person's own data, self-service: download it all, or delete the account."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core import signing
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core import mail, ratelimit

from . import personal_data
from .tasks import EXPORT_SALT, prepare_data_export

# One export asked for per person per this many seconds: building it reads all their data.
EXPORT_EVERY_SECONDS = 600


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    erase_writing = forms.BooleanField(
        label=gettext_lazy("Also remove my comments and answers"),
        required=False,
        help_text=gettext_lazy(
            "Otherwise they stay, signed “a former member”. Either way, the projects you posted "
            "stay with your city, without your name."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not your password: your account was not deleted.")
            )
        return password


@require_POST
def data_export(request):
    """Ask for the export: built by a task, its link e-mailed."""
    if not ratelimit.allowed(f"data-export:{request.user.pk}", 1, EXPORT_EVERY_SECONDS):
        messages.error(
            request,
            _(
                "Your data is already being prepared: the link will reach you by e-mail. You "
                "can ask again in ten minutes."
            ),
        )
        return redirect("accounts:profile")
    user_id = request.user.pk
    transaction.on_commit(lambda: prepare_data_export.delay(user_id))
    messages.success(
        request,
        _(
            "We are preparing your data. A link to download it will reach %(email)s within a "
            "few minutes; it stays valid for %(days)d days."
        )
        % {"email": request.user.email, "days": settings.PERSONAL_DATA_EXPORT_DAYS},
    )
    return redirect("accounts:profile")


@never_cache
@require_http_methods(["GET"])
def data_download(request, token: str):
    """The export, for the person it belongs to only, while its link is valid."""
    max_age = settings.PERSONAL_DATA_EXPORT_DAYS * 24 * 3600
    try:
        claim = signing.loads(token, salt=EXPORT_SALT, max_age=max_age)
    except signing.SignatureExpired:
        return render(request, "pages/data_export_expired.html", status=410)
    except signing.BadSignature as error:
        raise Http404("No such export.") from error
    if claim.get("user") != request.user.pk:
        return render(request, "pages/data_export_not_yours.html", status=403)
    storage = personal_data.export_storage()
    name = str(claim.get("name", ""))
    if not name.startswith(f"{personal_data.EXPORT_PREFIX}{request.user.pk}/") or not (
        storage.exists(name)
    ):
        return render(request, "pages/data_export_expired.html", status=410)
    return FileResponse(
        storage.open(name, "rb"),
        as_attachment=True,
        filename=name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        farewell = mail.compose(to=user, template="email/account_deleted", context={})
        personal_data.account_delete(user=user, erase_writing=form.cleaned_data["erase_writing"])
        mail.queue(farewell)
        logout(request)
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("home")
    return render(request, "pages/account_delete.html", {"form": form})
