package dev.srereview.context;

/**
 * A credential found, on this machine only, in a gitignored file that exists to hold secrets ({@code
 * .streamlit/secrets.toml}, {@code .env}, a key file). Git never sees the file, but a build that copies the whole
 * context ({@code COPY . .}) puts it in the image. Only where it is and what kind it is are kept: the file's text
 * is never stored, sent or shown.
 */
public record IgnoredSecret(String path, int line, String detector, String name) {
}
