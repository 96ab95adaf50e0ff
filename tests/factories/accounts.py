import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User

PASSWORD = "a-long-test-passphrase-42"
_sequence = itertools.count(1)


def make_user(
    *,
    email: str | None = None,
    full_name: str | None = None,
    password: str = PASSWORD,
    verified: bool = True,
    groups: tuple[str, ...] = (),
    **fields,
) -> User:
    """A user whose e-mail address allauth knows (verified unless told otherwise)."""
    number = next(_sequence)
    # A job title is written in its owner's language, as the migration guessed for old ones.
    fields.setdefault("job_title_language", fields.get("preferred_language", "en"))
    user = User.objects.create_user(
        email=email or f"person{number}@example.org",
        password=password,
        full_name=f"Person {number}" if full_name is None else full_name,
        **fields,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
