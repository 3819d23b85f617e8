package dev.srereview.review.offline;

/**
 * The persona's wording for one cause (a finding category): what to say in each of the five fields when
 * the evidence shows it, and the checklist line it becomes.
 *
 * @param title      plural-neutral cause, e.g. "No timeouts on outbound calls"
 * @param code       a generic fix, used when the findings carry none
 * @param lang       the fence language of the code
 * @param monitoring what to alert on, with a threshold
 */
record RiskTemplate(String title, String scenario, String impact, String detection, String mitigation, String code,
                    String lang, String monitoring, String checklist) {
}
