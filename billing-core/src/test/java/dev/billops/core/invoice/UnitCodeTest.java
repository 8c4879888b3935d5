package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitCodeTest {

    @Test
    void of_knownCodes_oneInstancePerCode() {
        assertSame(UnitCode.HOUR, UnitCode.of("HUR"));
        assertSame(UnitCode.PIECE, UnitCode.of("C62"));
        assertSame(UnitCode.of("E48"), UnitCode.of(new String("E48")));
        assertEquals("KGM", UnitCode.KILOGRAM.code());
        assertEquals("MON", UnitCode.MONTH.toString());
    }

    @Test
    void of_recommendation21PackageCode_accepted() {
        assertEquals("XBX", UnitCode.of("XBX").code());
    }

    @Test
    void constants_allInTheList() {
        for (UnitCode u : List.of(UnitCode.MINUTE, UnitCode.HOUR, UnitCode.DAY, UnitCode.WEEK, UnitCode.MONTH,
                UnitCode.YEAR, UnitCode.PIECE, UnitCode.KILOGRAM, UnitCode.KILOMETRE, UnitCode.LUMP_SUM)) {
            assertSame(u, UnitCode.of(u.code()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOUR", "hur", "", " HUR", "ZZZ9", "<script>"})
    void of_notACode_namesIt(String code) {
        UnknownUnitCodeException e = assertThrows(UnknownUnitCodeException.class, () -> UnitCode.of(code));
        assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
    }
}
