"""Reports for the head of office and inspectors: tickets, staffing, survey; day rollups,
exports and warm-up.
"""
