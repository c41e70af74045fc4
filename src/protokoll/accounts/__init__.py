"""Users, roles per body and the permission checks every view goes through."""
