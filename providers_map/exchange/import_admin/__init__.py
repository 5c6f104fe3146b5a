"""The registry import's admin pages (upload, preview, apply, report, blank templates): the part of the data
exchange that uses both the import pipeline (`importing`) and the export formats (`exporting`)."""
