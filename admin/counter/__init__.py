"""The counter app (`loket-counter`): an officer's desk — tickets, documents, staffing."""
