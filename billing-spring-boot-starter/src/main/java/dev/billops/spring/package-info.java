/**
 * Spring Boot auto-configuration of BillOps: {@link dev.billops.spring.BillOpsAutoConfiguration}
 * builds {@code Billing} on the application's DataSource with plugins from {@code billops.plugins.*};
 * the outbox dispatcher and the daily package run, actuator health and Micrometer meters come with it.
 * Every bean backs off when the application defines its own.
 */
@NullMarked
package dev.billops.spring;

import org.jspecify.annotations.NullMarked;
