"""The ward's intake server: kiosks upload submissions to it and look residents up (DESIGN.md §5)."""
