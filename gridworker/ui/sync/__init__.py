"""sync screen: its widgets, models and dialogs."""
