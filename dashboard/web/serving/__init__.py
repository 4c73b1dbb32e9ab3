"""Serving: what every response passes through, whatever page or output it carries.

The app's shared context (settings, warehouse), static files compressed once, response
headers (security policy, caching), the callback cache and warm-up, the check of
untrusted callback bodies (hardening), and the plain routes (health, errors).
"""
