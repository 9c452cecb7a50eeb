"""roster screen: its widgets, models and dialogs."""
