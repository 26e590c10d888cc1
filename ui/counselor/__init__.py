"""The counselor tools (Check a letter, Caseload, Printable report): forms, runs and the PDF."""
