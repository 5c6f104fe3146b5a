"""Public pages (`public`) and the operators' admin pages (`admin`)."""
