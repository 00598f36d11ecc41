"""The waiting-room display board (`loket-display`): now serving, last calls, spoken calls."""
