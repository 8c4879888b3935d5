package dev.billops.integrations.ics;

import java.util.Map;
import java.util.Optional;

/**
 * Windows time-zone names, as Outlook and Exchange write them in TZID, mapped to the IANA zone
 * of their territory "001" in the Unicode CLDR {@code windowsZones} table (the common ones).
 */
final class WindowsZones {

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UTC", "Etc/UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("W. Central Africa Standard Time", "Africa/Lagos"),
            Map.entry("E. Africa Standard Time", "Africa/Nairobi"),
            Map.entry("Morocco Standard Time", "Africa/Casablanca"),
            Map.entry("Arab Standard Time", "Asia/Riyadh"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("Iran Standard Time", "Asia/Tehran"),
            Map.entry("Pakistan Standard Time", "Asia/Karachi"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("Nepal Standard Time", "Asia/Katmandu"),
            Map.entry("Bangladesh Standard Time", "Asia/Dhaka"),
            Map.entry("SE Asia Standard Time", "Asia/Bangkok"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Taipei Standard Time", "Asia/Taipei"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("W. Australia Standard Time", "Australia/Perth"),
            Map.entry("Cen. Australia Standard Time", "Australia/Adelaide"),
            Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Canada Central Standard Time", "America/Regina"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Eastern Standard Time (Mexico)", "America/Cancun"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"),
            Map.entry("Venezuela Standard Time", "America/Caracas"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("Newfoundland Standard Time", "America/St_Johns"),
            Map.entry("Pacific SA Standard Time", "America/Santiago"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Buenos_Aires"));

    private WindowsZones() {
    }

    /** The IANA id for a Windows zone name, if it is one we know. */
    static Optional<String> ianaId(String windowsName) {
        return Optional.ofNullable(ZONES.get(windowsName));
    }
}
