"""A social card, rendered by the download worker (hooks/_downloads.py) from its spec.

Inputs: {"spec": …}, the spec hooks/social_cards.py computes for a page (data/social-card.yaml
and the page's texts); hooks/_social_card.py lays it out and draws it with Pillow. The key
of the cache covers the spec, the font files it names (`depends`) and Pillow's version.
"""

import _social_card


def render(inputs: dict, out) -> None:
    out.write_bytes(_social_card.render(inputs["spec"]))
