"""A social card, rendered by the download worker (edition/worker.py) from its spec.

Inputs: {"spec": …}, the spec hooks/forms/social_cards.py computes for a page (data/social-card.yaml
and the page's texts); edition/forms/social_card/__init__.py lays it out and draws it with Pillow. The key
of the cache covers the spec, the font files it names (`depends`) and Pillow's version.
"""

from edition.forms import social_card


def render(inputs: dict, out) -> None:
    out.write_bytes(social_card.draw(inputs["spec"]))
