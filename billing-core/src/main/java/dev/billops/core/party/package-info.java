/** The parties: the tenant that bills, its clients, its timekeepers, and the actors behind each change. */
@NullMarked
package dev.billops.core.party;

import org.jspecify.annotations.NullMarked;
