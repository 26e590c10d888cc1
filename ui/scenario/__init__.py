"""The scenario pages (Compare, Mortgage exit, Car repossession, Saved): their sections."""
