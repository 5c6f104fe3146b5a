"""Tiny helpers that spell demo body blocks as (block type, value) pairs."""

import datetime


def p(*sentences):
    return ("paragraph", "<p>" + " ".join(sentences) + "</p>")


def ul(*items):
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def h(text):
    return ("heading", {"text": text})


def important(*sentences):
    return ("callout", {"kind": "important", "text": "<p>" + " ".join(sentences) + "</p>"})


def tip(*sentences):
    return ("callout", {"kind": "tip", "text": "<p>" + " ".join(sentences) + "</p>"})


def steps(heading, *items):
    return ("steps", {"heading": heading, "steps": [{"title": title, "text": text} for title, text in items]})


def questions(heading, *items):
    return ("questions", {"heading": heading, "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items]})


def find_help(text, service=None, concern=None, age=None, heading="Где получить помощь рядом с домом"):
    """Taxonomy slugs are resolved to terms by home/demo.py."""
    return (
        "find_help",
        {
            "heading": heading,
            "text": text,
            "service": service,
            "concern": concern,
            "age_group": age,
            "link_text": "Найти службы на карте и в списке",
        },
    )


def library_video(material_slug):
    """The video of a library material, shown with its captions and transcript (home/demo.py resolves it)."""
    return ("library_video", material_slug)


def reviewer(name, role, year, month, day):
    return (name, role, datetime.date(year, month, day))
