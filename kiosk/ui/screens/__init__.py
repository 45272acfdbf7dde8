"""One module per screen (DESIGN §7); each screen is a class that takes its services in its constructor."""
