"""Storage and domain operations of rbdesk. No Qt here."""
