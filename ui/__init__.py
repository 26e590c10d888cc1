"""What the pages share: state keys, input widgets, cached calls and figure builders."""
