"""A stop's opening hours on a chosen day."""


def on_day(text, day):
    """What to show for opening hours `text` on `day`: {"text": as written, "known": bool,
    "open": bool or None, "spans": [...]}."""
    return {"text": text, "known": False, "open": None, "spans": []}
