"""The vocabulary of life-support equipment and care needs, in one place (German, English).

Two readers share it: drafter.triage puts a mail first when such a device is named with the
supply or line out ("Stromausfall, mein Mann braucht sein Beatmungsgerät"), and
drafter.drafting.care_needs gives a draft the knowledge base's line for a household that
depends on medical equipment or care. A device added here reaches both.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE | re.UNICODE

# a device someone's life or safety hangs on, powered or connected by us. German compounds
# ("Heimbeatmung", "Sauerstoffgerät", "Beatmungsgerät") match inside the word; not "Monitor"
# or "Pumpe" alone (a heat pump), not the public "Notruf 112" (no device).
_DEVICE = (
    r"sauerstoff|beatmung|dialyse|\bcpap\b|absauggerät|insulinpumpe|lebenserhaltend"
    r"|medizinische\w*\s+ger[äa]t|\bhausnotruf\w*|\bnotruf(?:gerät|system|knopf|armband"
    r"|anlage|uhr)\w*"
    r"|\boxygen\b|\bventilat(?:or|ion\s+machine)s?\b|\bdialysis\b|\binsulin\s+pump"
    r"|\bhome\s+ventilation\b|\blife[- ]support\b|\bmedical\s+(?:equipment|devices?|aid)\b"
    r"|\b(?:personal|medical|care|emergency)\s+(?:alarm|pendant|call\s+(?:system|button|unit))"
    r"|\bhome\s+emergency\s+call\b"
)
# a care need without a device: someone in the household is in need of care
_CARE = r"pflegebett|pflegegrad|pflegebedürftig|\bcare\s+level\b"

LIFE_DEVICE = re.compile(_DEVICE, _F)
CARE_NEED = re.compile(f"{_DEVICE}|{_CARE}", _F)


def names_life_device(text: str) -> bool:
    """Whether `text` names a life-support device (oxygen, ventilation, dialysis, a home
    emergency call, ...)."""
    return LIFE_DEVICE.search(text) is not None


def names_care_need(text: str) -> bool:
    """Whether `text` names a life-support device or a care need (Pflegegrad, care level)."""
    return CARE_NEED.search(text) is not None
