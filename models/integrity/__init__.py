"""Trust machinery shared by every log: hash chains, seals of their heads, signing keys and
signed QR payloads.
"""
