"""settings screen: its widgets, models and dialogs."""
