"""One module per publisher format. Each reads the mirror and yields typed records; none writes."""
