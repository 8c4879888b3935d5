package dev.billops.core.party;

/**
 * How a client is taxed by default. The invoice line's tax category follows from it:
 * STANDARD → the line's rate (category S, or Z at 0 %), EXEMPT → category E with the client's
 * exemption reason, REVERSE_CHARGE → category AE (both VAT ids required), INTRA_COMMUNITY →
 * category K, EXPORT → category G, OUT_OF_SCOPE → category O.
 */
public enum TaxProfile {
    STANDARD,
    EXEMPT,
    REVERSE_CHARGE,
    INTRA_COMMUNITY,
    EXPORT,
    OUT_OF_SCOPE
}
