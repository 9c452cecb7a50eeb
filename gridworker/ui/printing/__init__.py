"""printing screen: its widgets, models and dialogs."""
