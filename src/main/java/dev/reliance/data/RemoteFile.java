package dev.reliance.data;

/** A file to download: its name (appended to a base URL), SHA-256 (lower-case hex) and size in bytes (0 = unknown). */
public record RemoteFile(String name, String sha256, long size) {}
