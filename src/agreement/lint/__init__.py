"""`agreement lint`: accountability rules for plans, run after validation.

Every rule is a module of `agreement.lint.rules` listed in `agreement.lint.registry`;
`agreement.lint.engine.lint_paths` runs them over files and folders, applies the
configuration and the suppressions written in the YAML, and returns diagnostics
that the formatters in `agreement.lint.formatters` turn into text, JSON, GitHub
annotations, SARIF or JUnit XML.
"""
