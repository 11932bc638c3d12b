"""`closeknit rotate_keys`: new keys for intimate text, on a live site.

The key file is replaced in one rename under a lock, so a reader sees a whole
file and two rotations never lose each other's key; running processes take
the new file up by themselves (closeknit/lib/fields.py). See the README,
"Rotating the encryption keys", for one machine and for several.
"""

from argparse import ArgumentParser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.db.models.functions import Cast

from closeknit.lib import files
from closeknit.lib.fields import EncryptedTextField, reload_keys

BATCH = 500


class Command(BaseCommand):
    help = (
        "Re-encrypt intimate text that is not yet under the newest key. --new-key puts a "
        "(new) key first in the key file; --add-key adds one that only decrypts yet; "
        "--drop-old-keys keeps only the newest key once nothing needs the others."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        what = parser.add_mutually_exclusive_group()
        what.add_argument(
            "--new-key",
            nargs="?",
            const="",
            metavar="KEY",
            help="put KEY (without KEY: a fresh key) first in the key file, then re-encrypt",
        )
        what.add_argument(
            "--add-key",
            metavar="KEY",
            help="add KEY last in the key file: it decrypts but encrypts nothing yet",
        )
        what.add_argument(
            "--drop-old-keys",
            action="store_true",
            help="re-encrypt, then keep only the newest key in the key file",
        )
        what.add_argument(
            "--generate-key", action="store_true", help="print a fresh key; change nothing"
        )

    def handle(
        self,
        *args: Any,
        new_key: str | bool | None,
        add_key: str | None,
        drop_old_keys: bool,
        generate_key: bool,
        **options: Any,
    ) -> None:
        if generate_key:
            self.stdout.write(Fernet.generate_key().decode())
            return
        reload_keys()  # start from the key file as it is now
        if add_key is not None:
            self._add(add_key)
        elif drop_old_keys:
            self._drop_old_keys()
        else:
            if new_key is not None:
                # call_command(new_key=True) and a bare --new-key both ask for a fresh key.
                fresh = new_key in (True, "")
                self._promote(Fernet.generate_key().decode() if fresh else str(new_key))
            self._reencrypt()

    def _add(self, key: str) -> None:
        valid(key)
        path = change_key_file(lambda keys: keys if key in keys else [*keys, key])
        self.stdout.write(
            f"{path} holds the key as a decrypt-only key. Once every machine has it, make it "
            "the newest on each with `closeknit rotate_keys --new-key KEY`."
        )

    def _promote(self, key: str) -> None:
        valid(key)
        path = change_key_file(lambda keys: [key, *(k for k in keys if k != key)])
        self.stdout.write(f"The newest key is now first in {path}.")

    def _reencrypt(self) -> None:
        checked, rewritten = reencrypt_all()
        self.stdout.write(
            f"Re-encrypted {rewritten} of {checked} values with the newest key "
            "(the others were under it already)."
        )

    def _drop_old_keys(self) -> None:
        held = list(settings.ENCRYPTION_KEYS)
        self._reencrypt()
        path = change_key_file(lambda keys: keep_newest(keys, held[0]))
        # Still holding the old keys, look once more: a value a slow process
        # wrote under an old key meanwhile is re-encrypted now, not lost.
        settings.ENCRYPTION_KEYS = held
        late = reencrypt_all()[1]
        settings.ENCRYPTION_KEYS = held[:1]
        self.stdout.write(
            f"{path} keeps only the newest key ({len(held) - 1} dropped, {late} late values "
            "re-encrypted). Remove the old keys from the other machines' key files too."
        )


def valid(key: str) -> str:
    try:
        Fernet(key.encode())
    except ValueError as exc:
        raise CommandError(
            "That is not a Fernet key (32 url-safe base64-encoded bytes): "
            "make one with `closeknit rotate_keys --generate-key`."
        ) from exc
    return key


def keep_newest(keys: list[str], newest: str) -> list[str]:
    if not keys or keys[0] != newest:
        raise CommandError("The key file changed while this ran; nothing was dropped. Run again.")
    return keys[:1]


def key_file() -> Path:
    """The key file the running processes read, or a CommandError when the keys come from
    the environment (which no command can change for processes already running)."""
    path = Path(settings.ENCRYPTION_KEYS_FILE)
    from_file = settings.ENCRYPTION_KEYS_FROM_FILE and path.exists()
    if not from_file or settings.ENCRYPTION_KEYS[0] not in files.key_lines(path.read_text()):
        raise CommandError(
            "The keys come from ENCRYPTION_KEYS: put a new key (closeknit rotate_keys "
            "--generate-key) first in that list on every machine, restart, then run this "
            "command without options."
        )
    return path


def change_key_file(change: Callable[[list[str]], list[str]]) -> Path:
    """Replace the key file with change(its keys), one process at a time, in one rename.

    This process uses the new keys at once; the others take them up by themselves.
    """
    path = key_file()
    with files.locked(path):
        keys = change(files.key_lines(files.read_tracked(path)))
        files.replace(path, "".join(f"{key}\n" for key in keys))
        files.read_tracked(path)  # written here: nothing for this process to reload
    settings.ENCRYPTION_KEYS = keys
    return path


def reencrypt_all() -> tuple[int, int]:
    """(values checked, values re-encrypted) over every encrypted field of every model."""
    checked = rewritten = 0
    for model, fields in encrypted_fields():
        seen, stale = stale_rows(model, fields)
        checked += seen
        rewritten += reencrypt(model, fields, stale)
    return checked, rewritten


def stale_rows(model: Any, fields: list[str]) -> tuple[int, list[Any]]:
    """(values seen, primary keys of the rows with a value the newest key alone cannot read).

    Reads the ciphertext itself (cast to plain text, so the field does not
    decrypt it): checking is cheap, and a second run rewrites nothing it need not.
    """
    newest = Fernet(settings.ENCRYPTION_KEYS[0].encode())
    raw = {f"ckraw{i}": Cast(name, models.TextField()) for i, name in enumerate(fields)}
    rows = model._default_manager.annotate(**raw).values_list("pk", *raw)
    seen, stale = 0, []
    for pk, *tokens in rows.iterator(chunk_size=2000):
        present = [token for token in tokens if token is not None]
        seen += len(present)
        if not all(opens(newest, token) for token in present):
            stale.append(pk)
    return seen, stale


def opens(key: Fernet, token: str) -> bool:
    try:
        key.decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def reencrypt(model: Any, fields: list[str], pks: list[Any]) -> int:
    """Write the rows' values again (encrypting with the first key), locked against writers.

    An UPDATE rather than save(): no signals, no auto_now, nothing but the ciphertext changes.
    """
    manager = model._default_manager
    count = 0
    for start in range(0, len(pks), BATCH):
        batch = manager.select_for_update().filter(pk__in=pks[start : start + BATCH])
        with transaction.atomic():
            try:
                rows = list(batch.values_list("pk", *fields))
            except InvalidToken as exc:
                raise CommandError(
                    f"A value of {model._meta.label} opens with none of the keys: "
                    "add the key it was written with, then run again."
                ) from exc
            for pk, *values in rows:
                manager.filter(pk=pk).update(**dict(zip(fields, values, strict=True)))
                count += sum(value is not None for value in values)
    return count


def encrypted_fields() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found
