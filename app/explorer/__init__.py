"""The Streamlit explorer: `main.py` is the app (run by `newskg explore`), one script per page.

`data` holds the cached queries, `render` the escaped HTML, `graphview` the interactive network.
"""
