"""Text in both languages: the message catalog, number and date formatting, German help.

Imports only `base/`.
"""
