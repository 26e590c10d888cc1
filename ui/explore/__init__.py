"""The Explore pages (Over time, Break-even and odds): inputs, sections, computations, charts."""
