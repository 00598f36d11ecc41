"""The staffing guard: who sits at which counter, breaks and handovers, service hours and
holidays, gaps, the hash-chained staffing log, daily summaries and sign-off.
"""
