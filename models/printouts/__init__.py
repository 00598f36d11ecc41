"""From tickets, receipts and complaint slips to paper, and every PC's printer status."""
