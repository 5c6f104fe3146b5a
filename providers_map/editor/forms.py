"""The organisation editor's form: keeps the provenance of coordinates honest when JavaScript is off."""

from wagtail.admin.forms import WagtailAdminModelForm

# Sources that only an import (or nothing) sets; a person typing new numbers replaces them with "editor".
MACHINE_SOURCES = {"", "import"}


class OrganisationAdminForm(WagtailAdminModelForm):
    def save(self, commit=True):
        for form in self.formsets["locations"].forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            location = form.instance
            moved = {"latitude", "longitude"} & set(form.changed_data)
            if moved and location.has_coordinates and location.coordinates_source in MACHINE_SOURCES:
                # Without the map script nothing sets the source: the numbers were typed by the editor.
                location.coordinates_source = location.CoordinatesSource.EDITOR
                if "coordinates_approximate" not in form.changed_data:
                    location.coordinates_approximate = False
        return super().save(commit)
