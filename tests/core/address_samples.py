"""Names and addresses the A1/A2 tests draw from: titles, suffixes, accents, hyphens, one-word
names; local parts of many patterns; domains upper-case, nested, invalid."""

NAMES = ["Jane Doe", "Ann Lee", "Dr. José Núñez Jr", "Li", "Mary-Kate O'Neil", "Bo Chan"]
LOCALS = ["jane.doe", "jdoe", "ann", "lee.ann", "jose_nunez", "li", "mk", "bchan", "b.c.x"]
DOMAINS = ["acme.com", "ACME.com", "globex.io", "mail.acme.com", "bad..com", "x.123"]
FOREIGN_FACTS = [
    "",
    "?",
    "@acme.com",
    "@ACME.com first",
    "@a\x1bcme.com first",
    "@ac me.com first",
    "@acme.com first,nobody",
    "acme.com first",
]
"""Text in people.email_facts that facts_of never writes (another program's, a hand edit's)."""
