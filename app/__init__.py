"""What people touch: the `newskg` command line and the Streamlit explorer. Nothing imports app."""
