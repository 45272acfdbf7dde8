"""Pure rules and value types of the kiosk (standard library only; DESIGN.md §3)."""
