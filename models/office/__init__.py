"""Setting up the office: services and counters, staff, logins and roles, admin actions and
their audit log.
"""
