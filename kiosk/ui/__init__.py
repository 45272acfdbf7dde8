"""The kiosk's Qt widgets: the only layer that imports Qt (DESIGN §3)."""
