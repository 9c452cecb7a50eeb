"""care screen: its widgets, models and dialogs."""
