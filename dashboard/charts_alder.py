"""Charts of the alder page (registered with dashboard.charts.register)."""
