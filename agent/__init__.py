"""Question answering: question -> typed plan -> vetted SQL -> cited answer."""
