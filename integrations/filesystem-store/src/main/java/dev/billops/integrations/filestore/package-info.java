/**
 * A {@link dev.billops.spi.DocumentStore} on the local file system:
 * {@link dev.billops.integrations.filestore.FileSystemDocumentStore} keeps each tenant's documents
 * in its own folder, writes them atomically and refuses document ids that could reach outside it.
 */
@NullMarked
package dev.billops.integrations.filestore;

import org.jspecify.annotations.NullMarked;
