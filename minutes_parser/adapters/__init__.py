"""Built-in adapters, one module per publishing system. They never import each other."""
