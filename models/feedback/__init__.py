"""The public's verdict: the satisfaction survey (SKM) and its index (IKM), complaints and
suggestions.
"""
