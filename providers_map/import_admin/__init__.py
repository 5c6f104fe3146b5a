"""The registry import's admin pages (upload, preview, apply, report, blank templates): the part of the registry
that uses both the import pipeline (providers_map.importing) and the export formats (providers_map.exporting)."""
