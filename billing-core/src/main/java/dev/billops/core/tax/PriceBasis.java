package dev.billops.core.tax;

/** Whether line prices exclude tax (NET, the default) or include it (GROSS, e.g. consumer prices). */
public enum PriceBasis {
    NET,
    GROSS
}
