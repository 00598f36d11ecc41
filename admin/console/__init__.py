"""``loket-admin``: the office's set-up, live coverage board, reviews and reports."""
