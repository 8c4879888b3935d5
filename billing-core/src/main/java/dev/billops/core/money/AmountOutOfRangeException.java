package dev.billops.core.money;

import dev.billops.core.error.InvalidInputException;

/**
 * An amount that cannot be represented exactly: more decimals than allowed without a rounding
 * mode ({@link ExcessScaleException}), a scale a constructor does not take
 * ({@link ScaleMismatchException}), or a magnitude beyond {@link Money#MAX_ABS}.
 */
public class AmountOutOfRangeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public AmountOutOfRangeException(String message) {
        super(message);
    }
}
