package dev.billops.examples.cli;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Checks an id option while the arguments are parsed, so that an id no BillOps id can be is a bad
 * argument (exit status 2, nothing opened) rather than a failed command. The option keeps the
 * text as given.
 */
abstract class IdConverter implements CommandLine.ITypeConverter<String> {

    private final Function<String, ?> check;

    IdConverter(Function<String, ?> check) {
        this.check = check;
    }

    @Override
    public String convert(String value) {
        try {
            check.apply(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(String.valueOf(e.getMessage()));
        }
        return value;
    }

    /** {@code --tenant}. */
    static final class Tenant extends IdConverter {
        Tenant() {
            super(TenantId::of);
        }
    }

    /** {@code --engagement}. */
    static final class Engagement extends IdConverter {
        Engagement() {
            super(EngagementId::of);
        }
    }
}
