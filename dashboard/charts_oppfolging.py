"""Charts of the oppfolging page (registered with dashboard.charts.register)."""
