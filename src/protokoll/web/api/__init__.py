"""The JSON API (OParl-shaped resources plus votes), feeds and exports."""
