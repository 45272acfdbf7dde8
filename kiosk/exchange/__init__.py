"""What the kiosk and the intake server exchange: the submission payload model and its checks."""
