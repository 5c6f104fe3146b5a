"""Project scripts run by the Makefile and CI (each runs as a script: python scripts/<name>.py)."""
