"""gas screen: its widgets, models and dialogs."""
