"""Charts of the om page (registered with dashboard.charts.register)."""
