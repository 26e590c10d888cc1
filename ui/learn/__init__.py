"""The Learn page's content."""
