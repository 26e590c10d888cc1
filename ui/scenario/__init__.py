"""The scenario pages (Compare, Mortgage exit, Car repossession, Saved): sections and files."""
