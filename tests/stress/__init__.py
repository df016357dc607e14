"""Long-running checks kept out of CI; run them by hand (see each module's docstring)."""
