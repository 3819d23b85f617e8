package dev.srereview.llm;

public enum Role { SYSTEM, USER, ASSISTANT }
