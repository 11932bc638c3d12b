from datetime import timedelta

from django.utils import timezone

from closeknit.couples.models import Couple

# Unpairing keeps the shared space this long, so both can download their words.
KEEP_ENDED = timedelta(days=30)


def purge_ended_couples() -> int:
    """Delete couples that ended more than KEEP_ENDED ago, with everything they shared."""
    ended = Couple.objects.filter(ended_at__lt=timezone.now() - KEEP_ENDED)
    count = ended.count()
    ended.delete()
    return count
