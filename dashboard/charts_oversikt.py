"""Charts of the oversikt page (registered with dashboard.charts.register)."""
