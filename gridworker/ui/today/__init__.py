"""today screen: its widgets, models and dialogs."""
