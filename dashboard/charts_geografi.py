"""Charts of the geografi page (registered with dashboard.charts.register)."""
