"""Layout: the pieces a page is made of and the frame around it.

Ids, markup helpers and Markdown prose (leaves), the chart card and its menu, the page
machinery (PageSpec, controls <-> URL), the shell (header, navigation, footer), the
served HTML document, and the shaped rows of the Om dataene page.
"""
