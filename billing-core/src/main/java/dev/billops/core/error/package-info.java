/** The root of BillOps' exception hierarchy and the few exceptions shared by every package. */
@NullMarked
package dev.billops.core.error;

import org.jspecify.annotations.NullMarked;
