package dev.srereview.config;

/** One layered value as text, and where it came from (a file path, "environment variable X", "--model"). */
record SettingValue(String text, String source) {
}
