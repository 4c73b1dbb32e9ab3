"""What a browser gets: the app factory, shell, routes, components and pages."""
