"""The queue: issuing tickets, calling them, who is ahead and how long, what the board shows
and says.
"""
