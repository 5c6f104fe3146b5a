"""Coverage monitoring: who lives far from early care, by federal subject, locality and service (issue 24)."""
