/** Projects, their budgets and rounding rules, and activities. */
@NullMarked
package dev.billops.core.project;

import org.jspecify.annotations.NullMarked;
