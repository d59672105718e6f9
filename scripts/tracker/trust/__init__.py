"""Trust: what readers need to trust a record over time, from the git history: publication dates, changes, corrections, withdrawals."""
