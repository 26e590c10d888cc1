"""The Learn page: its words and its step-by-step statement figure."""
