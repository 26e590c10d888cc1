"""What every page shares: state and its keys, regions, inputs, charts, links, text, caches."""
