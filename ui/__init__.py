"""Cifra's web app (Streamlit): a chat for citizens and a catalog browser with a SQL workbench for analysts."""
