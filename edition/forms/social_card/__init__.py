"""The social card of each page (Open Graph / Twitter image).

Its spec is composed by hooks/forms/social_cards.py from data/social-card.yaml and the page;
render.py lays it out and draws it with Pillow, in the download worker (so that a build whose
cards are in the cache never imports Pillow).
"""
