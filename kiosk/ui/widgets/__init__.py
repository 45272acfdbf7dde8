"""Touch widgets reused by every screen."""
