"""The rule engine: rule specs loaded from YAML packs, one registry, and the runner."""
