/**
 * The reference REST host: BillOps behind a Spring Boot 4 web API with OpenAPI 3, bearer tokens and
 * roles, and RFC 9457 problem details. Every library call runs in the caller's tenant and is
 * attributed to the caller, so the audit log names them.
 */
@NullMarked
package dev.billops.examples.spring;

import org.jspecify.annotations.NullMarked;
