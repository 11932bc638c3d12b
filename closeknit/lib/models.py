"""Model helpers shared by the feature apps."""

import uuid

from django.db import models


def uuid_pk() -> models.UUIDField[uuid.UUID, uuid.UUID]:
    """A random UUID primary key: identifiers in addresses say nothing about how many exist."""
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
