"""Churn prediction service."""
