"""Documents handed in: signed receipts (tanda terima), their status history and yearly
numbers.
"""
