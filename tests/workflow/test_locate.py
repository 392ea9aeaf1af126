"""Key paths map to the right line, including nested arrays of tables."""

from partnerships.workflow.locate import TomlLocator

TEXT = """\
key = "x"

[[steps]]
code = "1"

[[steps.substeps]]
code = "1a"
checks = [
  "a",
  "b",
]

[[steps]]
code = "2"

[[steps.substeps]]
code = "2a"
title = { nl = "T", en = "" }
"""


def test_lines_of_keys_values_and_headers():
    locator = TomlLocator(TEXT)
    assert locator.line_for("key") == 1
    assert locator.line_for("steps[1].code") == 14
    assert locator.line_for("steps[0].substeps[0].checks[1]", "b") == 10
    assert locator.line_for("steps[1].substeps[0].title.en") == 18
    assert locator.line_for("steps[1].substeps[0].missing") == 16
    assert locator.line_for("nothing") is None
