"""The lint rules, one module per rule; `agreement.lint.registry` lists them."""
