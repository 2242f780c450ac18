"""tocsin.coding."""
