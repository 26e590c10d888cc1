"""The pages' building blocks: kit/ for what every page shares, then one folder per menu section."""
