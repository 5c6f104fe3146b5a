"""The shape of a demo material entry."""

NSO = "54"


def material(slug, title, kind, audiences, topics, ages, concerns, authors, organisation, region, year, evidence,
             summary, body, files=(), video=None, quote=None):  # fmt: skip
    return {
        "slug": slug, "title": title, "type": kind, "audiences": audiences, "topics": topics, "ages": ages,
        "concerns": concerns, "authors": authors, "organisation": organisation, "region": region, "year": year,
        "evidence": evidence, "summary": summary, "body": body, "files": list(files), "video": video, "quote": quote,
    }  # fmt: skip


ALL_AGES = ["0-6m", "6-12m", "1-2y", "2-3y"]
