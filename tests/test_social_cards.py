"""Rule: every page of the built site (both languages, the edition's pages and parallel
pages; not the 404 pages, which have no address of their own to share) names a social
card in its head — og:image with its type, width, height and alt text, and
twitter:card=summary_large_image with twitter:image and its alt — as an absolute URL of
the published site; the card is in the build, a PNG of the size the head states
(1200×630, data/social-card.yaml), and its alt text is the title of the page it shows
(a parallel page shows its page's card). Each page of each language has its own card.

The renderer (edition/forms/social_card/render.py) is deterministic and keeps long titles within the
card; a missing font file stops the build with a message that names the field."""

from __future__ import annotations

import copy
import io

import pytest
from PIL import Image

from built_pages import html_file, html_urls, language_of
from edition import datafiles
from edition.forms.social_card import render as social_card
from edition_site import DEFAULT, data, hook, parse, site_url

social_cards = hook("social_cards")

LAYOUT = data("social-card")


def meta(soup, key) -> list[str]:
    return [tag.get("content", "") for tag in soup.head.find_all("meta", attrs={"property": key})
            + soup.head.find_all("meta", attrs={"name": key})]


def shared_pages(site) -> list[str]:
    return [url for url in html_urls(site) if not url.endswith("404.html")]


def shown_page(url: str) -> str:
    """The page whose card a page shows: a parallel page shows its page's."""
    lang = language_of(url)
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return prefix + url.removeprefix(prefix).removeprefix("parallel/")


def test_every_page_has_its_card(site):
    base = site_url()
    problems, cards = [], {}
    for url in shared_pages(site):
        soup = parse(html_file(site, url))
        image = meta(soup, "og:image")
        expected = {"og:image:type": ["image/png"], "og:image:width": [str(LAYOUT["width"])],
                    "og:image:height": [str(LAYOUT["height"])], "twitter:card": ["summary_large_image"],
                    "twitter:image": image}
        found = {key: meta(soup, key) for key in expected}
        if len(image) != 1 or not image[0].startswith(base):
            problems.append(f"/{url}: og:image is {image}, expected one absolute URL under {base}")
            continue
        if found != expected:
            problems.append(f"/{url}: {found}, expected {expected}")
        title = meta(parse(html_file(site, shown_page(url))), "og:title")
        for key in ("og:image:alt", "twitter:image:alt"):
            if meta(soup, key) != title:
                problems.append(f"/{url}: {key} is {meta(soup, key)}, expected the title of the page it shows, {title}")
        path = site / image[0].removeprefix(base)
        if not path.is_file():
            problems.append(f"/{url}: its card {image[0]} is not in the build")
            continue
        with Image.open(path) as picture:
            if (picture.format, picture.size) != ("PNG", (LAYOUT["width"], LAYOUT["height"])):
                problems.append(f"/{url}: its card is {picture.format} {picture.size}")
        cards.setdefault(image[0], set()).add(shown_page(url))
    assert not problems, "\n".join(problems)
    shared = {card: pages for card, pages in cards.items() if len(pages) > 1}
    assert not shared, f"pages share a card: {shared}"


def test_404_pages_have_no_card(site):
    for url in html_urls(site):
        if url.endswith("404.html"):
            assert not meta(parse(html_file(site, url)), "og:image"), f"/{url} names a card"


def card_spec(title: str) -> dict:
    texts = {"edition": "Цифровой шелковый путь и ЕАЭС", "title": title,
             "article": "Цифровой шелковый путь и инновационная экосистема Евразийского экономического союза",
             "languages": "Русский · English"}
    return social_cards.spec(LAYOUT, "chapter", texts)


def test_the_same_spec_gives_the_same_bytes():
    spec = card_spec("Научно-образовательное сотрудничество")
    assert social_card.draw(copy.deepcopy(spec)) == social_card.draw(spec)
    assert social_card.draw(spec) != social_card.draw(card_spec("Заключение"))


def test_a_long_title_stays_within_the_card():
    long_title = " ".join(["Научно-образовательное сотрудничество и электронная коммерция"] * 6) + " Сверхдлинноесловобезпробелов" * 3
    spec = card_spec(long_title)
    block = next(b for b in spec["blocks"] if b.get("text") == long_title)
    width = LAYOUT["width"] - 2 * LAYOUT["margin"]["x"]
    font, lines = social_card._fit(block, width)
    assert len(lines) <= block["max_lines"] and lines[-1].endswith("…"), lines
    assert font.size == block["min_size"], "a title too long for max_lines is set at min_size"
    assert all(font.getlength(line) <= width for line in lines), [(line, font.getlength(line)) for line in lines]
    with Image.open(io.BytesIO(social_card.draw(spec))) as picture:
        assert picture.size == (LAYOUT["width"], LAYOUT["height"])
        margin = picture.crop((LAYOUT["width"] - LAYOUT["margin"]["x"] + 4, 0, LAYOUT["width"], LAYOUT["height"]))
        assert margin.getcolors() == [(margin.width * margin.height, Image.new("RGB", (1, 1), LAYOUT["background"]).getpixel((0, 0)))], \
            "text reaches into the right margin"


def test_a_missing_font_stops_the_build_with_its_field(monkeypatch):
    broken = copy.deepcopy(LAYOUT)
    broken["fonts"]["serif-bold"] = "/no/such/font.ttf"
    monkeypatch.setattr(datafiles, "load", lambda name: copy.deepcopy(broken))
    with pytest.raises(datafiles.DataError) as caught:
        social_cards._layout()
    assert "data/social-card.yaml: fonts.serif-bold: /no/such/font.ttf does not exist" in str(caught.value)
