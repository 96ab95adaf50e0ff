import rules
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
    _auser_has_perm,
    _user_has_perm,
)
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.enums import ContentLanguage, ContentLanguageField

from .enums import Frequency, PortalLanguage, ReportEmails


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must be staff and superuser.")
        return self._create_user(email, password, **extra_fields)


def avatar_path(instance, filename: str) -> str:
    return f"avatars/{instance.pk or 'new'}/{filename}"


class User(AbstractBaseUser, PermissionsMixin):
    """A person using the portal; the e-mail address is the login."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    job_title_language = ContentLanguageField(_("language of the job title"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages_spoken = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. fr, sv, en."),
    )
    expertise = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes of expertise"), blank=True, related_name="experts"
    )
    avatar = models.ImageField(_("avatar"), upload_to=avatar_path, blank=True)
    in_directory = models.BooleanField(
        _("appear in the member directory"),
        default=False,
        help_text=_("Other approved members can then see your name, role and city."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=PortalLanguage.choices,
        default=PortalLanguage.ENGLISH,
        help_text=_("The language of the e-mails the portal sends you."),
    )
    notification_frequency = models.CharField(
        _("e-mail me about what I follow"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
    )
    # For moderators (network and city coordinators): reports of comments at once or daily.
    report_emails = models.CharField(
        _("e-mail me about reported comments"),
        max_length=8,
        choices=ReportEmails.choices,
        default=ReportEmails.EACH,
    )
    last_report_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Kept with the person so that the header's count costs no query on every page.
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
            models.CheckConstraint(
                condition=Q(preferred_language__in=PortalLanguage.values),
                name="user_preferred_language_known",
            ),
            models.CheckConstraint(
                condition=Q(job_title_language__in=ContentLanguage.values),
                name="user_job_title_language_known",
            ),
            models.CheckConstraint(
                condition=Q(notification_frequency__in=Frequency.values),
                name="user_notification_frequency_known",
            ),
            models.CheckConstraint(
                condition=Q(report_emails__in=ReportEmails.values),
                name="user_report_emails_known",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile")

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    # Django lets an active superuser through every check, object rules included. The portal's
    # object rules (django-rules) treat a superuser as they treat a network coordinator, no more:
    # nobody rewrites another person's words. For those permissions the backends decide, as for
    # anyone; the admin keeps working, because ModelBackend grants a superuser every model
    # permission when no object is given.
    def has_perm(self, perm, obj=None):
        if rules.perm_exists(perm):
            return _user_has_perm(self, perm, obj)
        return super().has_perm(perm, obj)

    async def ahas_perm(self, perm, obj=None):
        if rules.perm_exists(perm):
            return await _auser_has_perm(self, perm, obj)
        return await super().ahas_perm(perm, obj)
