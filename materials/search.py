"""The "library" search kind: materials with all their metadata, attachment titles and file names, and every
transcript cue with its time (a hit in a cue links to that moment of the video)."""

from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from materials.models import AUDIENCES, MaterialPage, MaterialsIndexPage, MaterialType
from search.documents import Entry
from search.facets import FacetSpec, choices
from search.pages import PageKind, field_text, page_cues, page_version


class LibraryKind(PageKind):
    name = "library"
    label = _("Library")
    order = 20
    prefetch = ("topics", "age_groups", "concerns", "files__document")
    facets = (
        FacetSpec("type", _("Material type"), choices(lambda: _material_types())),
        FacetSpec("topic", _("Topic")),
        FacetSpec("age", _("Child's age")),
        FacetSpec("concern", _("Developmental concern")),
        FacetSpec("audience", _("Audience"), choices(lambda: [(v, label) for v, _f, label in _audiences()])),
        FacetSpec("region", _("Region of the practice")),
    )

    @property
    def models(self):
        return (MaterialPage, MaterialsIndexPage)

    def objects(self):
        chain = super().objects()
        chain.querysets = [qs.select_related("region") if hasattr(qs.model, "region") else qs for qs in chain.querysets]
        return chain

    def handles(self, instance):
        return super().handles(instance) or isinstance(instance, get_document_model())

    def keys_for(self, instance):
        if isinstance(instance, get_document_model()):
            return self._pages_using(instance)
        return super().keys_for(instance)

    def _pages_using(self, document):
        """Pages that use a document (a replaced caption file changes their transcript cues)."""
        page_type = ContentType.objects.get_for_model(Page)
        ids = (
            ReferenceIndex.get_references_to(document)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
        pages = Page.objects.filter(pk__in=[int(pk) for pk in ids]).specific()
        return [str(page.pk) for page in pages if isinstance(page, tuple(self.models))]

    def build_entry(self, page):
        if not isinstance(page, MaterialPage):
            intro = page.intro or ""
            return Entry(
                key=str(page.pk),
                title=page.title,
                url=self.url(page),
                texts={"title": page.title, "body": f"{intro}\n{page.search_description}"},
                snippet_text=intro,
                published=page.last_published_at,
                version=page_version(page.last_published_at, page.url_path),
            )
        topics, ages, concerns = list(page.topics.all()), list(page.age_groups.all()), list(page.concerns.all())
        files = list(page.files.all())
        file_words = [f"{f.title} {PurePosixPath(f.document.file.name).stem.replace('_', ' ')}" for f in files]
        body = field_text(page, "body")
        tags = [t.name for t in topics + ages + concerns]
        tags += [str(page.get_material_type_display()), str(page.get_evidence_status_display())]
        tags += [str(label) for label in page.audiences]
        return Entry(
            key=str(page.pk),
            title=page.title,
            url=self.url(page),
            texts={
                "title": page.title,
                "name": f"{page.authors}\n{page.organisation}",
                "tag": "\n".join(tags),
                "place": page.region.name if page.region_id else "",
                "body": "\n".join([page.summary, body, *file_words, page.search_description, str(page.year)]),
            },
            snippet_text=f"{page.summary}\n{body}".strip(),
            facets={
                "topic": [t.slug for t in topics],
                "age": [a.slug for a in ages],
                "concern": [c.slug for c in concerns],
                "audience": [value for value, field, _label in _audiences() if getattr(page, field)],
                "type": [page.material_type],
                "region": [page.region.code] if page.region_id else [],
                "year": [str(page.year)],
                "evidence": [page.evidence_status],
            },
            cues=page_cues(page),
            published=page.last_published_at,
            version=page_version(page.last_published_at, page.url_path),
        )

    def present(self, page):
        meta = []
        if isinstance(page, MaterialPage):
            meta = [str(page.get_material_type_display()).capitalize(), str(page.year)]
        return {"title": page.title, "url": self.url(page), "meta": meta}


def _material_types():
    return MaterialType.choices


def _audiences():
    return AUDIENCES
