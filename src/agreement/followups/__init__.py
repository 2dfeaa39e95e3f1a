"""Follow-up: every follow-up occasion of the documents in force, and the progress reported on them.

- `logs`: the follow-up files (`kind: follow-up`) beside a document, and the checks that
  their ids and dates match it;
- `occasions`: the occasions of every action and citizen promise, resolved through
  inheritance, with their owner and their state on a given day;
- `formats`: text, JSON, iCalendar and spreadsheet renderings of the occasions;
- `importing`: progress read back from a filled-in spreadsheet into the follow-up files.

Importing this package costs nothing extra: the iCalendar and spreadsheet libraries
are imported only by the modules that write or read those formats, so `lint` and
`validate` (which check follow-up files) never load them.
"""
