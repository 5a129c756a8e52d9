import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from newsline.events.curation import CURATOR_GROUP, ensure_curator_group


class Command(BaseCommand):
    help = (
        f"Create a curator: a staff user (not a superuser) in the {CURATOR_GROUP!r} group, "
        "with a password typed at the prompt. An existing user is added to the group "
        "and keeps their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email, **options):
        group = ensure_curator_group()
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email, is_staff=True)
            user.set_password(self._ask_password(user))
            user.save()
            verb = "created"
        else:
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            verb = "updated"
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"curator {username!r} {verb}; log in at /admin/"))

    def _ask_password(self, user) -> str:
        for _attempt in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords do not match.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as exc:
                self.stderr.write(" ".join(exc.messages))
                continue
            return password
        raise CommandError("no valid password given; nothing created")
