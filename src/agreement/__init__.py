"""agreement: validate, lint and build collaboration agreements and action plans written in YAML."""
