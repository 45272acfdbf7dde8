"""The protocol's endpoints, one module per area (DESIGN.md §5)."""
