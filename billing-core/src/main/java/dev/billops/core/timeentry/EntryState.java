package dev.billops.core.timeentry;

/** OPEN entries can be edited and billed; BILLED ones sit on an invoice; LOCKED ones are frozen without billing. */
public enum EntryState {
    OPEN,
    BILLED,
    LOCKED
}
