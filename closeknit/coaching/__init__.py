"""The listening coach's web side: its feedback, the live fragment, the API operation.

The coach itself is a plain library with no Django (closeknit/coach); this
app shows it in the reply boxes (coaching/_box.html), answers the live box
(POST /coach/) and the API (POST /api/v1/coach), all under one rate limit.
"""
