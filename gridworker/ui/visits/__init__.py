"""visits screen: its widgets, models and dialogs."""
