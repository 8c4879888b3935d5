package dev.billops.core.error;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The code lists that EN 16931 business terms of the values are checked against when a value is
 * built, before anything is stored: the EAS electronic address schemes (BR-CL-25), the ISO 6523
 * ICD identifier schemes (BR-CL-10, BR-CL-11), the VATEX exemption reason codes (BR-CL-22), the
 * text subject codes of notes (UNTDID 4451, BR-CL-08) and the VAT point date codes (UNTDID 2005,
 * BR-CL-06), as in the EN 16931 1.3 rule set; IBANs (ISO 13616) and SEPA creditor identifiers
 * by their ISO 7064 MOD 97-10 check digits. Stateless and thread-safe.
 */
public final class CodeLists {

    /** Electronic address schemes (CEF EAS code list). */
    private static final Set<String> EAS = Set.of("EM", "AN", "AQ", "AS", "AU",
            "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142", "0147",
            "0151", "0154", "0158", "0170", "0177", "0183", "0184", "0188", "0190", "0191", "0192", "0193", "0194",
            "0195", "0196", "0198", "0199", "0200", "0201", "0202", "0203", "0204", "0205", "0208", "0209", "0210",
            "0211", "0212", "0213", "0215", "0216", "0217", "0218", "0219", "0220", "0221", "0225", "0230", "0235",
            "0240", "9910", "9913", "9914", "9915", "9918", "9919", "9920", "9922", "9923", "9924", "9925",
            "9926", "9927", "9928", "9929", "9930", "9931", "9932", "9933", "9934", "9935", "9936", "9937", "9938",
            "9939", "9940", "9941", "9942", "9943", "9944", "9945", "9946", "9947", "9948", "9949", "9950", "9951",
            "9952", "9953", "9957", "9959");

    /** VAT exemption reason codes (CEF VATEX code list). */
    private static final Set<String> VATEX = Set.of(
            "VATEX-EU-132", "VATEX-EU-132-1A", "VATEX-EU-132-1B", "VATEX-EU-132-1C", "VATEX-EU-132-1D",
            "VATEX-EU-132-1E", "VATEX-EU-132-1F", "VATEX-EU-132-1G", "VATEX-EU-132-1H", "VATEX-EU-132-1I",
            "VATEX-EU-132-1J", "VATEX-EU-132-1K", "VATEX-EU-132-1L", "VATEX-EU-132-1M", "VATEX-EU-132-1N",
            "VATEX-EU-132-1O", "VATEX-EU-132-1P", "VATEX-EU-132-1Q", "VATEX-EU-143", "VATEX-EU-143-1A",
            "VATEX-EU-143-1B", "VATEX-EU-143-1C", "VATEX-EU-143-1D", "VATEX-EU-143-1E", "VATEX-EU-143-1F",
            "VATEX-EU-143-1FA", "VATEX-EU-143-1G", "VATEX-EU-143-1H", "VATEX-EU-143-1I", "VATEX-EU-143-1J",
            "VATEX-EU-143-1K", "VATEX-EU-143-1L", "VATEX-EU-144", "VATEX-EU-146-1E", "VATEX-EU-148",
            "VATEX-EU-148-A", "VATEX-EU-148-B", "VATEX-EU-148-C", "VATEX-EU-148-D", "VATEX-EU-148-E",
            "VATEX-EU-148-F", "VATEX-EU-148-G", "VATEX-EU-151", "VATEX-EU-151-1A", "VATEX-EU-151-1AA",
            "VATEX-EU-151-1B", "VATEX-EU-151-1C", "VATEX-EU-151-1D", "VATEX-EU-151-1E", "VATEX-EU-153",
            "VATEX-EU-159", "VATEX-EU-309", "VATEX-EU-79-C", "VATEX-EU-AE", "VATEX-EU-D", "VATEX-EU-F",
            "VATEX-EU-G", "VATEX-EU-I", "VATEX-EU-IC", "VATEX-EU-J", "VATEX-EU-O", "VATEX-FR-298SEXDECIESA",
            "VATEX-FR-AE", "VATEX-FR-CGI261-1", "VATEX-FR-CGI261-2", "VATEX-FR-CGI261-3", "VATEX-FR-CGI261-4",
            "VATEX-FR-CGI261-5", "VATEX-FR-CGI261-7", "VATEX-FR-CGI261-8", "VATEX-FR-CGI261A", "VATEX-FR-CGI261B",
            "VATEX-FR-CGI261C-1", "VATEX-FR-CGI261C-2", "VATEX-FR-CGI261C-3", "VATEX-FR-CGI261D-1",
            "VATEX-FR-CGI261D-1BIS", "VATEX-FR-CGI261D-2", "VATEX-FR-CGI261D-3", "VATEX-FR-CGI261D-4",
            "VATEX-FR-CGI261E-1", "VATEX-FR-CGI261E-2", "VATEX-FR-CGI275", "VATEX-FR-CGI277A", "VATEX-FR-CGI295",
            "VATEX-FR-CNWVAT", "VATEX-FR-FRANCHISE");

    /** Text subject codes (UNTDID 4451, the restriction of BR-CL-08). */
    private static final Set<String> SUBJECTS = Set.of(
            "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAI", "AAJ", "AAK", "AAL", "AAM", "AAN", "AAO", "AAP", "AAQ",
            "AAR", "AAS", "AAT", "AAU", "AAV", "AAW", "AAX", "AAY", "AAZ", "ABA", "ABB", "ABC", "ABD", "ABE", "ABF", "ABG",
            "ABH", "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN", "ABO", "ABP", "ABQ", "ABR", "ABS", "ABT", "ABU", "ABV", "ABW",
            "ABX", "ABZ", "ACA", "ACB", "ACC", "ACD", "ACE", "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACN",
            "ACO", "ACP", "ACQ", "ACR", "ACS", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ", "ADA", "ADB", "ADC", "ADD",
            "ADE", "ADF", "ADG", "ADH", "ADI", "ADJ", "ADK", "ADL", "ADM", "ADN", "ADO", "ADP", "ADQ", "ADR", "ADS", "ADT",
            "ADU", "ADV", "ADW", "ADX", "ADY", "ADZ", "AEA", "AEB", "AEC", "AED", "AEE", "AEF", "AEG", "AEH", "AEI", "AEJ",
            "AEK", "AEL", "AEM", "AEN", "AEO", "AEP", "AEQ", "AER", "AES", "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ",
            "AFA", "AFB", "AFC", "AFD", "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO", "AFP",
            "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ", "AGA", "AGB", "AGC", "AGD", "AGE", "AGF",
            "AGG", "AGH", "AGI", "AGJ", "AGK", "AGL", "AGM", "AGN", "AGO", "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV",
            "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB", "AHC", "AHD", "AHE", "AHF", "AHG", "AHH", "AHI", "AHJ", "AHK", "AHL",
            "AHM", "AHN", "AHO", "AHP", "AHQ", "AHR", "AHS", "AHT", "AHU", "AHV", "AHW", "AHX", "AHY", "AHZ", "AIA", "AIB",
            "AIC", "AID", "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN", "AIO", "AIP", "AIQ", "AIR",
            "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY", "AIZ", "AJA", "AJB", "ALC", "ALD", "ALE", "ALF", "ALG", "ALH",
            "ALI", "ALJ", "ALK", "ALL", "ALM", "ALN", "ALO", "ALP", "ALQ", "ARR", "ARS", "AUT", "AUU", "AUV", "AUW", "AUX",
            "AUY", "AUZ", "AVA", "AVB", "AVC", "AVD", "AVE", "AVF", "BAG", "BAH", "BAI", "BAJ", "BAK", "BAL", "BAM", "BAN",
            "BAO", "BAP", "BAQ", "BAR", "BAS", "BAT", "BAU", "BAV", "BAW", "BAX", "BAY", "BAZ", "BBA", "BBB", "BLC", "BLD",
            "BLE", "BLF", "BLG", "BLH", "BLI", "BLJ", "BLK", "BLL", "BLM", "BLN", "BLO", "BLP", "BLQ", "BLR", "BLS", "BLT",
            "BLU", "BLV", "BLW", "BLX", "BLY", "BLZ", "BMA", "BMB", "BMC", "BMD", "BME", "BMF", "BMG", "BMH", "CCI", "CCJ",
            "CCK", "CCL", "CCM", "CCN", "CCO", "CEX", "CHG", "CIP", "CLP", "CLR", "COI", "CUR", "CUS", "DAR", "DCL", "DEL",
            "DIN", "DOC", "DUT", "EUR", "FBC", "GBL", "GEN", "GS7", "HAN", "HAZ", "ICN", "IIN", "IMI", "IND", "INS", "INV",
            "IRP", "ITR", "ITS", "LAN", "LIN", "LOI", "MCO", "MDH", "MKS", "ORI", "OSI", "PAC", "PAI", "PAY", "PKG", "PKT",
            "PMD", "PMT", "PRD", "PRF", "PRI", "PUR", "QIN", "QQD", "QUT", "RAH", "REG", "RET", "REV", "RQR", "SAF", "SIC",
            "SIN", "SLR", "SPA", "SPG", "SPH", "SPP", "SPT", "SRN", "SSR", "SUR", "TCA", "TDT", "TRA", "TRR", "TXD", "WHI",
            "ZZZ");

    /** VAT point date codes (UNTDID 2005, the restriction of BR-CL-06): invoice date, delivery date, payment date. */
    private static final Set<String> TAX_POINT_CODES = Set.of("3", "35", "432");

    /** ISO 6523 ICD codes: 0002 to 0240 but the four never assigned. */
    private static final Set<String> ICD = icds();

    /** Longest identifier, reference or name of a business term (its column). */
    public static final int MAX_TERM = 1000;

    private CodeLists() {
    }

    private static Set<String> icds() {
        Set<String> out = new HashSet<>();
        for (int i = 2; i <= 240; i++) {
            if (i != 92 && i != 103 && i != 181 && i != 182) {
                out.add(String.format(Locale.ROOT, "%04d", i));
            }
        }
        return Set.copyOf(out);
    }

    /**
     * {@code value} if null, else the value checked: not blank and at most {@code max} characters.
     *
     * @throws InvalidBusinessTermException if it is blank
     */
    public static @Nullable String optionalText(String term, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        Text.require(term, value, max);
        if (value.isBlank()) {
            throw new InvalidBusinessTermException(term, value, "is blank; give a value or none");
        }
        return value;
    }

    /**
     * The EAS scheme code, upper case.
     *
     * @throws InvalidBusinessTermException if it is not in the EAS code list
     */
    public static String eas(String term, String scheme) {
        String code = scheme.strip().toUpperCase(Locale.ROOT);
        if (!EAS.contains(code)) {
            throw new InvalidBusinessTermException(term, scheme, "is not in the EAS code list (e.g. EM, 0088, "
                    + "0204, 9930)");
        }
        return code;
    }

    /**
     * The ISO 6523 ICD scheme code.
     *
     * @throws InvalidBusinessTermException if it is not in the ICD code list
     */
    public static String icd(String term, String scheme) {
        String code = scheme.strip();
        if (!ICD.contains(code)) {
            throw new InvalidBusinessTermException(term, scheme, "is not in the ISO 6523 ICD code list (e.g. 0088)");
        }
        return code;
    }

    /**
     * The VATEX code, upper case, or null.
     *
     * @throws InvalidBusinessTermException if it is not in the VATEX code list
     */
    public static @Nullable String vatex(String term, @Nullable String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!VATEX.contains(upper)) {
            throw new InvalidBusinessTermException(term, code, "is not in the VATEX code list (e.g. VATEX-EU-AE)");
        }
        return upper;
    }

    /**
     * The UNTDID 4451 text subject code, upper case, or null.
     *
     * @throws InvalidBusinessTermException if it is not in the code list
     */
    public static @Nullable String subjectCode(String term, @Nullable String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!SUBJECTS.contains(upper)) {
            throw new InvalidBusinessTermException(term, code, "is not in the UNTDID 4451 code list (e.g. AAI, "
                    + "REG, SUR)");
        }
        return upper;
    }

    /**
     * The UNTDID 2005 VAT point date code (3, 35 or 432), or null.
     *
     * @throws InvalidBusinessTermException if it is another code
     */
    public static @Nullable String taxPointCode(String term, @Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (!TAX_POINT_CODES.contains(c)) {
            throw new InvalidBusinessTermException(term, code, "is not a VAT point date code of UNTDID 2005 "
                    + "(3 invoice date, 35 delivery date, 432 payment date)");
        }
        return c;
    }

    /**
     * The IBAN without spaces, upper case.
     *
     * @throws InvalidBusinessTermException if it is not 15 to 34 letters and digits that start with a
     *     country code and pass the ISO 7064 MOD 97-10 check
     */
    public static String iban(String term, String iban) {
        String s = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}") || mod97(s.substring(4) + s.substring(0, 4)) != 1) {
            throw new InvalidBusinessTermException(term, iban, "is not an IBAN (ISO 13616: country code, two check "
                    + "digits that pass MOD 97-10, up to 30 letters and digits)");
        }
        return s;
    }

    /**
     * The SEPA creditor identifier without spaces, upper case: country code, two check digits, a
     * three-character business code (not part of the check) and the national identifier.
     *
     * @throws InvalidBusinessTermException if it has not that form or its check digits fail
     *     (ISO 7064 MOD 97-10 over the national identifier and the country code)
     */
    public static String creditorId(String term, String id) {
        String s = id.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}")
                || mod97(s.substring(7) + s.substring(0, 4)) != 1) {
            throw new InvalidBusinessTermException(term, id, "is not a SEPA creditor identifier (country code, two "
                    + "check digits that pass MOD 97-10, business code, national identifier)");
        }
        return s;
    }

    /** The remainder mod 97 of letters and digits, letters counting 10 (A) to 35 (Z). */
    private static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            int v = Character.digit(alphanumeric.charAt(i), 36);
            remainder = (v > 9 ? remainder * 100 + v : remainder * 10 + v) % 97;
        }
        return remainder;
    }
}
