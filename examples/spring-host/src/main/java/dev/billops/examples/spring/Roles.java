package dev.billops.examples.spring;

/** The roles a token may carry in its {@code roles} claim. */
public final class Roles {

    /** Everything, the tenant's seller profile and real package runs included. */
    public static final String ADMIN = "ADMIN";
    /** Billing operations: clients, projects, rates, time, invoices, payments, dry package runs. */
    public static final String ACCOUNTANT = "ACCOUNTANT";
    /** Reads everything, changes nothing. */
    public static final String VIEWER = "VIEWER";
    /** Reads the invoices and payments of the client bound to the token ({@code client_id} claim), nothing else. */
    public static final String CLIENT = "CLIENT";

    private Roles() {
    }
}
