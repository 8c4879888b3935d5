/** Implementation of the writers and the reader: not API, may change in any release. */
@NullMarked
package dev.billops.einvoice.internal;

import org.jspecify.annotations.NullMarked;
