/**
 * A {@link dev.billops.spi.DocumentStore} on Amazon S3 and S3-compatible services:
 * {@link dev.billops.integrations.s3store.S3DocumentStore} keeps each tenant's documents under
 * its own key prefix, records and verifies their SHA-256, can ask for server-side encryption and
 * hands out presigned download URLs.
 */
@NullMarked
package dev.billops.integrations.s3store;

import org.jspecify.annotations.NullMarked;
