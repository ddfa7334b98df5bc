"""Rule: no page asks a third-party host for anything when it loads (no web fonts from
Google, no CDN): every stylesheet, script, font, image and frame comes from the site."""

from urllib.parse import urlparse

import pytest

from edition_site import LANGS, PAGES, md_name, site_url

LOADED = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_everything_loaded_comes_from_the_site(pages, lang, page):
    own = urlparse(site_url()).netloc
    foreign = []
    for tag, attr in LOADED.items():
        for element in pages[lang][page].find_all(tag):
            if tag == "link" and not set(element.get("rel", [])) & {"stylesheet", "preconnect", "preload", "icon", "dns-prefetch", "modulepreload"}:
                continue  # rel=alternate/canonical name pages; they load nothing
            target = element.get(attr)
            host = urlparse(target).netloc if target else ""
            if host and host != own:
                foreign.append(f"<{tag} {attr}={target}>")
    assert not foreign, f"{md_name(lang, page)} loads from third-party hosts: {foreign}. Serve it from the site itself."
