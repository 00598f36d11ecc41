"""The visitor kiosk: tickets, receipts, survey and complaints on a touch screen."""
