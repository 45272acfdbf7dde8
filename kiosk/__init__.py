"""The community-house kiosk: capture and verification of residents' vehicle and licence records."""

__version__ = "0.1.0"
