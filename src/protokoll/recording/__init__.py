"""Recording a meeting: preparation, live recording, justering, anslag, utdrag, public version."""
