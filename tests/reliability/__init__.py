"""The fault-injection reliability suite (issue 14): real runs of the real command, each fault injected."""
