package dev.srereview.cli;

/** --format of the review command. */
public enum OutputFormat { markdown, json, sarif }
